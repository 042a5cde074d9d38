// The body chart's browser-side tools (views/diagram.py): the calm start's switch, the choice
// of view, zoom, pan, reset and "Save picture". Nothing here asks the server: the lower figure
// is moved with Plotly.relayout (the overlay, assets/overlay.js, follows its axes), and the
// picture is the lower figure through plotly's own toImage with the overlay's SVG over it.
(function () {
    "use strict";

    // The lower figure's plotly div (a list: empty until it is drawn).
    function graphs() {
        return [document.querySelector("#body-graph .js-plotly-plot")].filter(Boolean);
    }

    function toolbar() {
        return document.getElementById("body-tools");
    }

    function ranges(gd) {
        return { x: gd.layout.xaxis.range.slice(), y: gd.layout.yaxis.range.slice() };
    }

    function show(x, y) {
        graphs().forEach(function (gd) {
            window.Plotly.relayout(gd, { "xaxis.range": x, "yaxis.range": y });
        });
    }

    function scaled(range, factor) {
        const centre = (range[0] + range[1]) / 2;
        const half = ((range[1] - range[0]) / 2) * factor;
        return [centre - half, centre + half];
    }

    function shifted(range, share) {
        const step = (range[1] - range[0]) * share;
        return [range[0] + step, range[1] + step];
    }

    // One view alone, or all three: the frame's class lets the stylesheet give a phone's
    // single view its own proportions.
    function frameView(view) {
        const frame = document.getElementById("body-frame");
        if (!frame) {
            return;
        }
        ["view-front", "view-back", "view-side"].forEach(function (name) {
            frame.classList.remove(name);
        });
        if (view) {
            frame.classList.add("view-" + view);
        }
    }

    function act(action) {
        const all = graphs();
        const bar = toolbar();
        if (!all.length || !bar) {
            return;
        }
        const home = JSON.parse(bar.dataset.home);
        const views = JSON.parse(bar.dataset.views);
        const now = ranges(all[0]);
        if (action === "reset") {
            frameView(null);
            show(home.x, home.y);
        } else if (action.indexOf("view-") === 0) {
            const view = action.slice(5);
            frameView(view);
            show(views[view], home.y);
        } else if (action === "zoom-in" || action === "zoom-out") {
            const factor = action === "zoom-in" ? 1 / 1.5 : 1.5;
            show(scaled(now.x, factor), scaled(now.y, factor));
        } else if (action.indexOf("pan-") === 0) {
            const share = { left: [-0.25, 0], right: [0.25, 0], up: [0, 0.25], down: [0, -0.25] }[
                action.slice(4)
            ];
            show(shifted(now.x, share[0]), shifted(now.y, share[1]));
        } else if (action === "save") {
            save(all);
        }
    }

    // The lower figure as the page shows it: in the calm start its lines are hidden by the
    // stylesheet, which toImage does not see, so they are left out here too; while dimmed they
    // recede as on the page.
    function asShown(gd) {
        const chart = document.getElementById("body-panel");
        const calm = !(chart && chart.classList.contains("every-line"));
        const dimmed = !!gd.closest(".dimmed");
        const data = gd.data.map(function (trace) {
            if (trace.uid === "regiondots") {
                return asMarkers(trace);
            }
            if (!/^base(line|step)-/.test(trace.uid || "")) {
                return trace;
            }
            if (calm) {
                return Object.assign({}, trace, { visible: false });
            }
            return dimmed ? Object.assign({}, trace, { opacity: (trace.opacity || 1) * 0.25 }) : trace;
        });
        return { data: data, layout: gd.layout };
    }

    // The regions' dots are drawn as one path of strokes of no length whose round ends come
    // from the stylesheet (web/figure/region_marks.py); the picture gets them as plain
    // markers, one at each stroke.
    function asMarkers(trace) {
        const x = [];
        const y = [];
        trace.x.forEach(function (value, i) {
            if (value !== null && (i === 0 || trace.x[i - 1] === null)) {
                x.push(value);
                y.push(trace.y[i]);
            }
        });
        return Object.assign({}, trace, {
            mode: "markers",
            x: x,
            y: y,
            marker: { size: trace.line.width, color: trace.line.color },
        });
    }

    // Both layers as SVG: the lower figure through plotly's toImage (as a data: address, which
    // the page's Content-Security-Policy allows; plotly's own PNG path loads a blob: image,
    // which it does not), the overlay as drawn; one over the other on a canvas at twice the
    // size, saved as a PNG.
    function save(all) {
        const width = all[0].clientWidth;
        const height = all[0].clientHeight;
        const options = { format: "svg", width: width, height: height };
        const overlay = window.fascialinesOverlay && window.fascialinesOverlay.picture();
        const pictures = [window.Plotly.toImage(asShown(all[0]), options)];
        if (overlay) {
            pictures.push(
                Promise.resolve("data:image/svg+xml;charset=utf-8," + encodeURIComponent(overlay))
            );
        }
        Promise.all(pictures)
            .then(function (urls) {
                return Promise.all(
                    urls.map(function (url) {
                        const image = new Image();
                        image.src = url;
                        return image.decode().then(function () {
                            return image;
                        });
                    })
                );
            })
            .then(function (images) {
                const canvas = document.createElement("canvas");
                canvas.width = width * 2;
                canvas.height = height * 2;
                const context = canvas.getContext("2d");
                images.forEach(function (image) {
                    context.drawImage(image, 0, 0, canvas.width, canvas.height);
                });
                const link = document.createElement("a");
                link.download = "fascialines-chart.png";
                link.href = canvas.toDataURL("image/png");
                document.body.appendChild(link);
                link.click();
                link.remove();
            });
    }

    // The figure comes with the front and back views (the proportions the overlay's labels
    // are placed for). Once drawn, a wide screen shows all three views (the home view); on a
    // phone three views side by side are each a thumb's width, so it opens on the front view
    // alone. The view buttons and Reset choose again.
    let started = false;
    function openView() {
        if (started) {
            return;
        }
        started = true;
        const narrow = window.matchMedia("(max-width: 760px)").matches;
        const attempt = function (left) {
            const all = graphs();
            // The toolbar (markup, assets/markup.js) holds the views' ranges.
            if (all.length === 1 && all[0].layout && all[0].layout.xaxis && toolbar()) {
                followDrawings(all[0]);
                act(narrow ? "view-front" : "reset");
            } else if (left > 0) {
                window.setTimeout(function () {
                    attempt(left - 1);
                }, 100);
            }
        };
        attempt(100);
    }

    // In the calm start the stylesheet hides the lines, but plotly finds hover points from the
    // data, not from what is drawn: the step marks answer hover only while the lines show.
    // hoverinfo is one of plotly's attributes whose change redraws nothing. A figure drawn
    // again (a new body figure) comes with the marks' hover off: set again after each drawing.
    // The address the chart last followed (the "follow" callback below; until then the page's).
    let followed = null;
    function linesShown(search) {
        const address = search === undefined ? followed : search;
        const params = new URLSearchParams(address === null ? window.location.search : address);
        return params.get("all_lines") === "1";
    }

    function stepHover(gd, on) {
        const wanted = on ? "text" : "skip";
        const indices = [];
        (gd.data || []).forEach(function (trace, i) {
            if (/^basestep-\d/.test(trace.uid || "") && trace.hoverinfo !== wanted) {
                indices.push(i);
            }
        });
        if (indices.length) {
            window.Plotly.restyle(gd, { hoverinfo: wanted }, indices);
        }
    }

    function followDrawings(gd) {
        if (!gd.__fascialinesStepHover && gd.on) {
            gd.__fascialinesStepHover = true;
            gd.on("plotly_afterplot", function () {
                stepHover(gd, linesShown());
            });
        }
        stepHover(gd, linesShown());
    }

    // The toolbar is markup (views/diagram.py tools): one listener for its buttons, each
    // naming its action in data-tool. Real buttons: the keyboard's Enter and Space click them.
    document.addEventListener("click", function (event) {
        const button = event.target.closest ? event.target.closest("button[data-tool]") : null;
        if (button && button.closest("#body-tools")) {
            act(button.dataset.tool);
        }
    });

    function press(button, on) {
        const value = on ? "true" : "false";
        if (button.getAttribute("aria-pressed") !== value) {
            button.setAttribute("aria-pressed", value);
        }
    }

    // Each switch pressed as an address says; a toolbar drawn after the address was followed
    // (assets/markup.js) is pressed then.
    function pressAll(search) {
        document.querySelectorAll(".chart-every-line").forEach(function (button) {
            press(button, linesShown(search));
        });
        const figure = new URLSearchParams(search).get("figure") || "";
        document.querySelectorAll("button[data-figure]").forEach(function (button) {
            press(button, button.dataset.figure === figure);
        });
    }
    document.addEventListener("markup-drawn", function (event) {
        if (followed !== null && event.target.querySelector("#body-tools")) {
            pressAll(followed);
        }
    });

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        fascialinesChart: {
            // The chart's part of the address drawn (views/gate.py page_view): the calm start
            // (the lines of the lower figure show only with all_lines=1) and the body figure,
            // each switch pressed as the address says; the panel's class is the answer.
            follow: function (search) {
                followed = search || "";
                pressAll(followed);
                const on = linesShown(followed);
                graphs().forEach(function (gd) {
                    stepHover(gd, on);
                });
                openView();
                return "panel diagram" + (on ? " every-line" : "");
            },
        },
    });
})();
