// Browser-side helpers of the students' views (views/quiz.py, compare.py, evidence.py), loaded
// from the assets folder like app.js, so the Content-Security-Policy needs no exception.
//
// Each view reads "page-shown", the address the page's own callback last drew (checked by the
// server: unknown values are gone). Its section is shown only while that address is its view,
// and its server callback is woken through its "gate" store only then: in the explorer these
// views cost no request at all, and on their view they draw after the page's callback.
(function () {
    function viewOf(shown) {
        const params = new URLSearchParams(shown || "");
        const view = params.get("view") || "explore";
        const lines = (params.get("lines") || "").split(",").filter(Boolean);
        const traced = ["symptom", "felt", "line", "region"].some(function (key) {
            return params.has(key);
        });
        if (view === "explore" && lines.length >= 2 && !traced) {
            return "compare";
        }
        return view;
    }
    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        students: {
            // "quiz-view" is shown while the page shows view=quiz.
            hiddenUnlessView: function (shown, id) {
                return viewOf(shown) !== id.replace(/-view$/, "");
            },
            // "New quiz": the same address with a new seed (views/quiz.py, state.MAX_SEED).
            newQuiz: function (clicks, search) {
                const params = new URLSearchParams(search || "");
                params.set("view", "quiz");
                params.set("seed", String(Math.floor(Math.random() * 1000000)));
                return "?" + params.toString();
            },
            // "quiz-gate" passes the address on (with the time, so that the same address drawn
            // again still wakes the server) while the page shows view=quiz; else nothing. It
            // sets the store from a fresh task, not as this callback's output: Dash runs no
            // callback twice in one chain and holds back those of the first load, and either
            // would drop the view's callback now and then.
            gate: function (shown, id) {
                if (viewOf(shown) === id.replace(/-gate$/, "")) {
                    const data = { shown: shown || "", time: Date.now() };
                    window.setTimeout(function () {
                        window.dash_clientside.set_props(id, { data: data });
                    }, 0);
                }
                return window.dash_clientside.no_update;
            },
        },
    });
})();
