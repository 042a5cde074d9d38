// The results' "Handout" link opens the handout of the view as it is at the moment of the
// click: the focus may have changed since the link was drawn (a focus change redraws only the
// cards), so the link takes the address's current query string, which the app keeps true.
document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a.handout-link");
    if (link) {
        link.search = window.location.search;
    }
}, true);
