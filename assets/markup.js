// Markup blocks (web/markup.py): a block is an empty div whose data-markup attribute holds the
// escaped HTML of what it shows, written by the server from the atlas and the wording layer.
// Whenever a block comes into the page or its attribute changes, its HTML goes in as the div's
// content: the browser's own parser draws it, and React, which holds the div with no children
// of its own, leaves the content alone.
(function () {
    "use strict";

    function draw(block) {
        const markup = block.getAttribute("data-markup");
        if (markup !== null && block.__markupDrawn !== markup) {
            block.innerHTML = markup;
            block.__markupDrawn = markup;
            // For a script that sets state on what a block holds (assets/chart.js).
            block.dispatchEvent(new CustomEvent("markup-drawn", { bubbles: true }));
        }
    }

    function drawWithin(node) {
        if (node.nodeType !== Node.ELEMENT_NODE) {
            return;
        }
        if (node.hasAttribute("data-markup")) {
            draw(node);
        }
        node.querySelectorAll("[data-markup]").forEach(draw);
    }

    // Records come after React's commit and before the frame is painted: a block is never
    // seen empty.
    new MutationObserver(function (records) {
        records.forEach(function (record) {
            if (record.type === "attributes") {
                draw(record.target);
            } else {
                record.addedNodes.forEach(drawWithin);
            }
        });
    }).observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["data-markup"],
    });
    drawWithin(document.documentElement);
})();
