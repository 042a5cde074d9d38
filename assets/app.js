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
