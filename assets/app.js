// Browser-side helpers for the Dash app, loaded from the assets folder (no inline script, so a
// strict Content-Security-Policy needs no exception for them). Public APIs only: Dash's
// clientside callbacks and set_props, and the DOM's own attributes.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    fascialines: {
        // The copy button copies the address as the browser sees it, query included, and says
        // so in the words the server gave it (data-copied).
        copyAddress: function (clicks, label) {
            const button = document.getElementById("share-copy");
            if (navigator.clipboard) {
                navigator.clipboard.writeText(window.location.href);
            }
            return (button && button.dataset.copied) || label;
        },
    },
});

// Dash 4's own markup has a few accessibility gaps that its components take no props to fix
// (see ENGINEERING-NOTES.md). This observer closes them on whatever Dash renders:
// - a dropdown's focus target (its Tab stop, yet aria-hidden) is shown to screen readers and
//   named by the visible <label>, and so is the dropdown's button, beside its value;
// - each dcc.RadioItems (side, how far along a line) is a radio group named by its legend,
//   its options plain labels around native radios (no listbox around focusable radios).
function labelFor(id) {
    const label = document.querySelector('label[for="' + id + '"]');
    if (label && !label.id) {
        label.id = id + "-label";
    }
    return label;
}

function fixDropdowns() {
    document.querySelectorAll(".dash-dropdown-wrapper").forEach(function (wrapper) {
        const button = wrapper.querySelector("button.dash-dropdown[id]");
        const label = button && labelFor(button.id);
        if (!label) {
            return;
        }
        // The focus target is the dropdown's Tab stop (it hands focus to the button): keep it
        // focusable, but visible to screen readers and named by the label.
        const target = wrapper.querySelector(".dash-dropdown-focus-target");
        if (target && target.hasAttribute("aria-hidden")) {
            target.removeAttribute("aria-hidden");
        }
        if (target && target.getAttribute("aria-labelledby") !== label.id) {
            target.setAttribute("aria-labelledby", label.id);
        }
        const own = (button.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
        if (own[0] !== label.id) {
            const rest = own.filter(function (part) {
                return part !== label.id;
            });
            button.setAttribute("aria-labelledby", [label.id].concat(rest).join(" "));
        }
    });
}

function fixRadioGroups() {
    document.querySelectorAll("fieldset [role='listbox']").forEach(function (group) {
        group.setAttribute("role", "radiogroup");
        const legend = group.closest("fieldset").querySelector("legend");
        if (legend) {
            if (!legend.id) {
                legend.id = "legend-" + (group.id || "side");
            }
            group.setAttribute("aria-labelledby", legend.id);
        }
    });
    // Dash sets aria-selected again on every render: take it off each time.
    document
        .querySelectorAll("[role='radiogroup'] [role='option'], [role='radiogroup'] [aria-selected]")
        .forEach(function (option) {
            option.removeAttribute("role");
            option.removeAttribute("aria-selected");
        });
}

// Every change is only made where it is missing, so the observer's own edits end the loop.
new MutationObserver(function () {
    fixDropdowns();
    fixRadioGroups();
}).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-selected", "aria-hidden", "role", "aria-labelledby"],
});

// The line explorer: pointing at a step's row, or tabbing into it, draws that step over the
// body (views/line.py puts the step's coordinates in the row's data-step-* attributes). The
// highlight is one extra line drawn over the overlay (assets/overlay.js), never added to the
// traces Dash keeps.
// The amber of the row's own highlight (style.css, tr.step-shown), so row and step pair up.
const STEP_COLOUR = "#d99a00";
let shownStep = null;

function showStep(row) {
    if (row === shownStep) {
        return;
    }
    shownStep = row;
    if (!window.fascialinesOverlay) {
        return;
    }
    window.fascialinesOverlay.highlight(
        row
            ? {
                  mode: "lines",
                  x: JSON.parse(row.dataset.stepX),
                  y: JSON.parse(row.dataset.stepY),
                  line: { color: STEP_COLOUR, width: 8 },
                  opacity: 0.8,
              }
            : null
    );
    document.querySelectorAll("tr.step-shown").forEach(function (other) {
        other.classList.remove("step-shown");
    });
    if (row) {
        row.classList.add("step-shown");
    }
}

function stepRow(event) {
    return event.target.closest ? event.target.closest("tr[data-step-x]") : null;
}

["mouseover", "focusin"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
        const row = stepRow(event);
        if (row) {
            showStep(row);
        }
    });
});
["mouseout", "focusout"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
        const row = stepRow(event);
        const next = event.relatedTarget && event.relatedTarget.closest
            ? event.relatedTarget.closest("tr[data-step-x]")
            : null;
        if (row && !next) {
            showStep(null);
        }
    });
});

// An address button (pieces.set_button) sets, removes or toggles query values; its data-
// attributes say what: data-set="focus=3&symptom=", data-drop="felt", data-toggle="1". An empty
// value removes the key; with toggle, a value the address already has is removed. One listener
// for them all, and the new address goes straight to the page's location component (Dash's
// public set_props): the page's one callback then draws it. Not a Dash callback on the
// buttons: one with every button as its input runs again whenever a trace brings new buttons,
// and each callback costs Dash a pass over every component on the page.
function editedAddress(button, search) {
    const params = new URLSearchParams(search || "");
    (button.dataset.drop ? button.dataset.drop.split(" ") : []).forEach(function (key) {
        params.delete(key);
    });
    new URLSearchParams(button.dataset.set || "").forEach(function (value, key) {
        if (!value || (button.dataset.toggle && params.get(key) === value)) {
            params.delete(key);
        } else {
            params.set(key, value);
        }
    });
    const query = params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
    return query ? "?" + query : "";
}

document.addEventListener("click", function (event) {
    const button = event.target.closest ? event.target.closest("button[data-set]") : null;
    if (!button || !window.dash_clientside || !window.dash_clientside.set_props) {
        return;
    }
    const search = editedAddress(button, window.location.search);
    if (search !== window.location.search) {
        window.dash_clientside.set_props("page-url", { search: search });
    }
});

// A link to another view of the app (pieces.in_app_link, a plain <a> that can sit in markup):
// a plain click sets the page's address, as a dcc.Link does, with no page load, and shows the
// new view from its top; a click with a modifier key opens it as any link does.
document.addEventListener("click", function (event) {
    const link = event.target.closest ? event.target.closest("a[data-in-app]") : null;
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    const dash = window.dash_clientside;
    if (!link || event.button !== 0 || modified || event.defaultPrevented || !dash || !dash.set_props) {
        return;
    }
    const target = new URL(link.getAttribute("href"), window.location.href);
    if (target.origin !== window.location.origin || target.pathname !== window.location.pathname) {
        return;
    }
    event.preventDefault();
    if (target.search !== window.location.search) {
        dash.set_props("page-url", { search: target.search });
    }
    window.scrollTo(0, 0);
});

// A dropdown's typed words, for a field that names its store (views/controls.py,
// data-search-store): passed on only when they hold a word. The dropdown clears its search on
// every opening, choice and closing, and those need no answer; a listener costs Dash nothing,
// where a callback on the dropdown's search would run at each of them.
document.addEventListener("input", function (event) {
    const box = event.target;
    const field = box.closest ? box.closest("[data-search-store]") : null;
    if (!field || !box.classList.contains("dash-dropdown-search") || !window.dash_clientside) {
        return;
    }
    if (box.value && box.value.trim() && window.dash_clientside.set_props) {
        window.dash_clientside.set_props(field.dataset.searchStore, { data: box.value });
    }
});

// A card's fold (views/cards.py): its text is fetched from the address in data-fold the
// first time it opens (web/folds.py answers with escaped HTML) and put in its .fold-body. A
// plain request, not a callback: it costs Dash nothing. "toggle" does not bubble, so the
// document listens in the capture phase.
document.addEventListener(
    "toggle",
    function (event) {
        const fold = event.target;
        if (!fold.open || !fold.dataset || !fold.dataset.fold || fold.dataset.loaded) {
            return;
        }
        const body = fold.querySelector(".fold-body");
        if (!body) {
            return;
        }
        fold.dataset.loaded = "loading";
        body.setAttribute("aria-busy", "true");
        window
            .fetch(fold.dataset.fold, { credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.text();
            })
            .then(function (html) {
                body.innerHTML = html;
                fold.dataset.loaded = "1";
            })
            .catch(function () {
                body.textContent = "The details could not be loaded: close and open this again.";
                delete fold.dataset.loaded;
            })
            .finally(function () {
                body.removeAttribute("aria-busy");
            });
    },
    true
);
