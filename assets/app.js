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
