// Client-side helpers for the Dash app, loaded from the assets folder (no inline script,
// so a strict Content-Security-Policy needs no exception for them).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    fascialines: {
        // The copy-link button copies the address as the browser sees it, query included.
        currentAddress: function () {
            return window.location.href;
        },
    },
});

// The copy-link wrapper is focusable; Enter or Space on it clicks the clipboard inside.
document.addEventListener("keydown", function (event) {
    const wrapper = event.target.closest && event.target.closest(".copy-link");
    if (wrapper && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        wrapper.querySelector("#share-copy").click();
    }
});

// Dash's slider thumb (role="slider") has no name of its own, and a <label for> cannot name
// the <div> around it: point each thumb at the label written for its slider.
function nameSliderThumbs() {
    document.querySelectorAll("label[for]").forEach(function (label) {
        const target = document.getElementById(label.htmlFor);
        if (!target) {
            return;
        }
        target.querySelectorAll('[role="slider"]:not([aria-labelledby])').forEach(function (thumb) {
            label.id = label.id || label.htmlFor + "-label";
            thumb.setAttribute("aria-labelledby", label.id);
        });
    });
}
new MutationObserver(nameSliderThumbs).observe(document.documentElement, {
    childList: true,
    subtree: true,
});

// Phones: plotly's legends would take a third of the diagram, so they are switched off and the
// HTML key under the diagram (style.css shows it at the same width) stands in for them. The
// figure is built once for every width, hence this switch in the browser.
const narrowScreen = window.matchMedia("(max-width: 760px)");

const LEGENDS = ["legend", "legend2"];

function fitLegends(graph) {
    const wanted = !narrowScreen.matches;
    const layout = graph.layout || {};
    const wrong = LEGENDS.filter(function (name) {
        return ((layout[name] || {}).visible !== false) !== wanted;
    });
    if (window.Plotly && wrong.length) {
        // Plotly keeps the room a hidden legend took; forget it so the body takes it back.
        const reserved = graph._fullLayout && graph._fullLayout._reservedMargin;
        if (reserved && !wanted) {
            LEGENDS.forEach(function (name) {
                delete reserved[name];
            });
        }
        const update = {};
        LEGENDS.forEach(function (name) {
            update[name + ".visible"] = wanted;
        });
        window.Plotly.relayout(graph, update);
    }
}

function watchBodyGraph() {
    const graph = document.querySelector("#body-graph .js-plotly-plot");
    if (!graph || typeof graph.on !== "function" || graph.dataset.legendsWatched) {
        return;
    }
    graph.dataset.legendsWatched = "yes";
    // Every redraw (a Patch from the server brings plotly's layout back) is checked again.
    graph.on("plotly_afterplot", function () {
        fitLegends(graph);
    });
    fitLegends(graph);
}
narrowScreen.addEventListener("change", function () {
    const graph = document.querySelector("#body-graph .js-plotly-plot");
    if (graph) {
        fitLegends(graph);
    }
});

// Phones: an explorer the address does not use is folded, so the page stays short; one the
// address names (?line=, ?region=) is opened whenever that value changes, and otherwise left
// as the reader set it.
const explorerSeen = {};

function foldExplorers() {
    const params = new URLSearchParams(window.location.search);
    document.querySelectorAll("details.explorer[data-state-key]").forEach(function (explorer) {
        const key = explorer.dataset.stateKey;
        const value = params.get(key) || "";
        if (explorerSeen[key] === value) {
            return;
        }
        const first = !(key in explorerSeen);
        explorerSeen[key] = value;
        if (value) {
            explorer.open = true;
        } else if (first && narrowScreen.matches) {
            explorer.open = false;
        }
    });
}

// Phones: long parts marked data-phone-fold (a line's steps) arrive folded, once each.
function foldLongParts() {
    if (!narrowScreen.matches) {
        return;
    }
    document.querySelectorAll("details[data-phone-fold='yes']").forEach(function (part) {
        part.dataset.phoneFold = "done";
        part.open = false;
    });
}

new MutationObserver(function () {
    watchBodyGraph();
    foldExplorers();
    foldLongParts();
}).observe(document.documentElement, { childList: true, subtree: true });
