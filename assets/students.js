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
            // "New quiz": the same address with a new seed (views/quiz.py, state.MAX_SEED).
            newQuiz: function (clicks, search) {
                const params = new URLSearchParams(search || "");
                params.set("view", "quiz");
                params.set("seed", String(Math.floor(Math.random() * 1000000)));
                return "?" + params.toString();
            },
            // The one callback that follows "page-view" (views/gate.py wire_views: the view
            // and the all_lines switch of the address drawn, or on a students' view the whole
            // address): the page's class (the view shown), the chart panel's class (the calm
            // start, assets/chart.js), then each view's section,
            // shown only on its view; what is already right is left alone, since setting a
            // property re-renders all it holds. The gate of the view shown ("quiz-gate") gets
            // the address (with the time, so the same address drawn again still wakes the
            // server), set from a fresh task, not as an output: Dash runs no callback twice in
            // one chain and holds back those of the first load, and either would drop the
            // view's callback now and then.
            shown: function (shown, pageClass, panelClass) {
                const noUpdate = window.dash_clientside.no_update;
                const hiddenNow = Array.prototype.slice.call(arguments, 3);
                const outputs = window.dash_clientside.callback_context.outputs_list;
                const view = viewOf(shown);
                const root = "page view-" + view;
                const chart = window.dash_clientside.fascialinesChart.follow(shown);
                const answer = [root === pageClass ? noUpdate : root, chart === panelClass ? noUpdate : chart];
                outputs.slice(2).forEach(function (output, i) {
                    const name = output.id.replace(/-view$/, "");
                    const hidden = view !== name;
                    answer.push(hidden === hiddenNow[i] ? noUpdate : hidden);
                    if (!hidden) {
                        const data = { shown: shown || "", time: Date.now() };
                        window.setTimeout(function () {
                            window.dash_clientside.set_props(name + "-gate", { data: data });
                        }, 0);
                    }
                });
                return answer;
            },
        },
    });
})();
