// The chart's upper layer: the overlay's traces (the JSON of plotly scatter traces that
// fascialines.web.figure builds), drawn as one SVG over the lower plotly figure. The layer
// element carries them: data-base, the traces as first drawn, and data-patch, what the view
// shown changes in them, which the server sets on every gesture (views/diagram.py). A change
// of that attribute draws again, with no callback in the browser: each callback Dash runs
// costs it about ten updates of its store, each visiting every component on the page.
//
// Why not a second plotly figure: the layer is a picture (no hover, no click), and plotly
// redraws every trace of a figure on any change, 60 to 80 ms a gesture here for about ten
// small traces; this draws the same marks in a few milliseconds. It draws what the overlay
// uses of plotly's scatter, with plotly's own geometry: lines (solid, dot, dash, long dash-dot),
// closed fills with plotly's dotted fill pattern, markers of plotly's symbols (open ones too,
// rotated by marker.angle), and text placed as plotly places it beside a marker. Points map
// through the lower figure's axes (its ranges and margins, equal scales, the drawing area
// centred), so both layers line up at every size, zoom and pan.
(function () {
    "use strict";

    const SVG = "http://www.w3.org/2000/svg";
    let current = null;
    let highlighted = null;
    let watched = null;
    let observed = null;
    let base = null;
    let patchText = null;
    // The mapping of the last plotly drawing: a new overlay reuses it, because reading the
    // figure's size right after Dash has changed the page forces the browser to lay the page
    // out there and then, once more than it would.
    let drawnMap = null;

    function lowerGraph() {
        return document.querySelector("#body-graph .js-plotly-plot");
    }

    function layer() {
        return document.getElementById("body-overlay-layer");
    }

    // The lower figure's mapping from data to pixels: plotly's constrain="domain" with equal
    // scales shrinks the drawing area to the ranges' proportions and centres it.
    function mapping(gd) {
        const layout = gd.layout || {};
        const margin = layout.margin || {};
        const xr = (layout.xaxis || {}).range;
        const yr = (layout.yaxis || {}).range;
        if (!xr || !yr) {
            return null;
        }
        const width = gd.clientWidth - (margin.l || 0) - (margin.r || 0);
        const height = gd.clientHeight - (margin.t || 0) - (margin.b || 0);
        const scale = Math.min(width / (xr[1] - xr[0]), height / (yr[1] - yr[0]));
        const left = (margin.l || 0) + (width - scale * (xr[1] - xr[0])) / 2;
        const top = (margin.t || 0) + (height - scale * (yr[1] - yr[0])) / 2;
        return {
            x: function (x) {
                return left + (x - xr[0]) * scale;
            },
            y: function (y) {
                return top + (yr[1] - y) * scale;
            },
            width: gd.clientWidth,
            height: gd.clientHeight,
            clip: [left, top, scale * (xr[1] - xr[0]), scale * (yr[1] - yr[0])],
        };
    }

    function at(value, i) {
        return Array.isArray(value) ? value[i] : value;
    }

    function escaped(text) {
        return String(text)
            .replace(/&/g, "&amp;")
            .replace(/</g, "&lt;")
            .replace(/>/g, "&gt;")
            .replace(/"/g, "&quot;");
    }

    function num(value) {
        return Math.round(value * 100) / 100;
    }

    // plotly's dash styles, scaled by the line's width (plotly's Drawing.dashStyle).
    function dashArray(dash, width) {
        const w = Math.max(width, 3);
        const styles = {
            dot: [w, w],
            dash: [3 * w, 3 * w],
            longdash: [5 * w, 5 * w],
            dashdot: [3 * w, w, w, w],
            longdashdot: [5 * w, 2 * w, w, 2 * w],
        };
        return styles[dash] ? styles[dash].join(",") : "";
    }

    // plotly's marker symbols (its symbol_defs), for a marker of radius r.
    function symbolPath(name, r) {
        const f = num;
        const s3 = Math.sqrt(3);
        switch (name) {
            case "square": {
                return "M" + f(r) + "," + f(r) + "H" + f(-r) + "V" + f(-r) + "H" + f(r) + "Z";
            }
            case "diamond": {
                const d = r * 1.3;
                return "M" + f(d) + ",0L0," + f(d) + "L" + f(-d) + ",0L0," + f(-d) + "Z";
            }
            case "cross": {
                const a = f(r * 0.4);
                const b = f(r * 1.2);
                return `M${b},${a}H${a}V${b}H-${a}V${a}H-${b}V-${a}H-${a}V-${b}H${a}V-${a}H${b}Z`;
            }
            case "x": {
                const rx = r * 0.8 / Math.SQRT2;
                const ne = "l" + f(rx) + "," + f(rx);
                const se = "l" + f(rx) + "," + f(-rx);
                const sw = "l" + f(-rx) + "," + f(-rx);
                const nw = "l" + f(-rx) + "," + f(rx);
                return "M0," + f(rx) + ne + se + sw + se + sw + nw + sw + nw + ne + nw + ne + "Z";
            }
            case "triangle-up":
            case "triangle-down":
            case "triangle-left":
            case "triangle-right": {
                const t = f((r * 2) / s3);
                const h = f(r / 2);
                const paths = {
                    "triangle-up": `M-${t},${h}H${t}L0,-${f(r)}Z`,
                    "triangle-down": `M-${t},-${h}H${t}L0,${f(r)}Z`,
                    "triangle-left": `M${h},-${t}V${t}L-${f(r)},0Z`,
                    "triangle-right": `M-${h},-${t}V${t}L${f(r)},0Z`,
                };
                return paths[name];
            }
            case "pentagon": {
                const x1 = f(r * 0.951);
                const x2 = f(r * 0.588);
                return `M${x1},${f(-r * 0.309)}L${x2},${f(r * 0.809)}H-${x2}L-${x1},${f(-r * 0.309)}L0,${f(-r)}Z`;
            }
            case "hexagon": {
                const y1 = f(r / 2);
                const y2 = f((r * s3) / 2);
                return `M${y2},-${y1}V${y1}L0,${f(r)}L-${y2},${y1}V-${y1}L0,-${f(r)}Z`;
            }
            case "star": {
                const rs = r * 1.4;
                const p = [0.225, 0.951, 0.363, 0.588].map(function (k) {
                    return f(rs * k);
                });
                const y1 = f(rs * -0.309);
                const y3 = f(rs * 0.118);
                const y4 = f(rs * 0.809);
                const y5 = f(rs * 0.382);
                return (
                    `M${p[0]},${y1}H${p[1]}L${p[2]},${y3}L${p[3]},${y4}L0,${y5}` +
                    `L-${p[3]},${y4}L-${p[2]},${y3}L-${p[1]},${y1}H-${p[0]}L0,${f(-rs)}Z`
                );
            }
            default: {
                return null; // a circle
            }
        }
    }

    // The runs of points between gaps (None in the JSON), mapped to pixels.
    function runs(trace, map) {
        const xs = trace.x || [];
        const ys = trace.y || [];
        const found = [[]];
        for (let i = 0; i < xs.length; i++) {
            if (xs[i] === null || ys[i] === null || xs[i] === undefined) {
                found.push([]);
            } else {
                found[found.length - 1].push([num(map.x(xs[i])), num(map.y(ys[i]))]);
            }
        }
        return found.filter(function (run) {
            return run.length;
        });
    }

    function pathOf(run, closed) {
        return (
            "M" +
            run
                .map(function (p) {
                    return p[0] + "," + p[1];
                })
                .join("L") +
            (closed ? "Z" : "")
        );
    }

    // plotly's dotted fill pattern ("."): a dot per cell, its area the pattern's solidity, at
    // plotly's foreground opacity (0.5 unless the pattern says).
    function patternDef(id, pattern) {
        const size = pattern.size || 8;
        const radius = num(Math.sqrt(((pattern.solidity || 0.3) * size * size) / Math.PI));
        return (
            `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${size}" height="${size}">` +
            (pattern.bgcolor ? `<rect width="${size}" height="${size}" fill="${escaped(pattern.bgcolor)}"/>` : "") +
            `<circle cx="${size / 2}" cy="${size / 2}" r="${radius}" ` +
            `fill="${escaped(pattern.fgcolor || "#000")}" ` +
            `opacity="${pattern.fgopacity === undefined ? 0.5 : pattern.fgopacity}"/>` +
            "</pattern>"
        );
    }

    function fillOf(trace, index, map, defs) {
        if (trace.fill !== "toself") {
            return "";
        }
        let fill = escaped(trace.fillcolor || "rgba(0,0,0,0.2)");
        if (trace.fillpattern && trace.fillpattern.shape) {
            const id = "overlay-pattern-" + index;
            defs.push(patternDef(id, trace.fillpattern));
            fill = "url(#" + id + ")";
        }
        const d = runs(trace, map)
            .map(function (run) {
                return pathOf(run, true);
            })
            .join("");
        return d ? `<path d="${d}" fill="${fill}" stroke="none"/>` : "";
    }

    function linesOf(trace, map) {
        const mode = trace.mode || "lines";
        const line = trace.line || {};
        if (mode.indexOf("lines") === -1 || line.width === 0) {
            return "";
        }
        const width = line.width === undefined ? 2 : line.width;
        const d = runs(trace, map)
            .filter(function (run) {
                return run.length > 1;
            })
            .map(function (run) {
                return pathOf(run, trace.fill === "toself");
            })
            .join("");
        if (!d) {
            return "";
        }
        const dash = dashArray(line.dash, width);
        return (
            `<path d="${d}" fill="none" stroke="${escaped(line.color || "#444")}" ` +
            `stroke-width="${width}" stroke-linejoin="round" stroke-linecap="butt"` +
            (dash ? ` stroke-dasharray="${dash}"` : "") +
            "/>"
        );
    }

    function markersOf(trace, map) {
        if ((trace.mode || "").indexOf("markers") === -1) {
            return "";
        }
        const marker = trace.marker || {};
        const outline = marker.line || {};
        const xs = trace.x || [];
        const parts = [];
        for (let i = 0; i < xs.length; i++) {
            if (xs[i] === null || trace.y[i] === null) {
                continue;
            }
            const opacity = at(marker.opacity, i);
            if (opacity === 0) {
                continue;
            }
            const size = at(marker.size, i) === undefined ? 6 : at(marker.size, i);
            const r = size / 2;
            const symbol = String(at(marker.symbol, i) || "circle");
            const open = /-open$/.test(symbol);
            const shape = symbol.replace(/-open$/, "");
            const colour = escaped(at(marker.color, i) || "#444");
            const lineWidth = at(outline.width, i) || 0;
            const lineColour = escaped(at(outline.color, i) || "#444");
            const paint = open
                ? `fill="none" stroke="${colour}" stroke-width="${Math.max(lineWidth, 1)}"`
                : `fill="${colour}"` +
                  (lineWidth ? ` stroke="${lineColour}" stroke-width="${lineWidth}"` : "");
            const x = num(map.x(xs[i]));
            const y = num(map.y(trace.y[i]));
            const angle = at(marker.angle, i) || 0;
            const alpha = opacity === undefined ? "" : ` opacity="${opacity}"`;
            const d = symbolPath(shape, r);
            const place = `translate(${x},${y})` + (angle ? ` rotate(${angle})` : "");
            parts.push(
                d
                    ? `<path transform="${place}" d="${d}" ${paint}${alpha}/>`
                    : `<circle cx="${x}" cy="${y}" r="${num(r)}" ${paint}${alpha}/>`
            );
        }
        return parts.join("");
    }

    // Text beside its point as plotly places it (Drawing.textPointPosition): beside a marker
    // of radius r it keeps r / 0.8 + 1 pixels away.
    function textsOf(trace, map) {
        if ((trace.mode || "").indexOf("text") === -1 || trace.text === undefined) {
            return "";
        }
        const font = trace.textfont || {};
        const marker = trace.marker || {};
        const markers = (trace.mode || "").indexOf("markers") !== -1;
        const xs = trace.x || [];
        const parts = [];
        for (let i = 0; i < xs.length; i++) {
            const raw = at(trace.text, i);
            if (xs[i] === null || raw === undefined || raw === null || raw === "") {
                continue;
            }
            const size = at(font.size, i) || 12;
            const position = String(at(trace.textposition, i) || "middle center");
            const markerSize = markers ? at(marker.size, i) || 6 : 0;
            const r = markerSize ? markerSize / 2 / 0.8 + 1 : 0;
            const h = position.indexOf("left") !== -1 ? -1 : position.indexOf("right") !== -1 ? 1 : 0;
            const v = position.indexOf("top") !== -1 ? -1 : position.indexOf("bottom") !== -1 ? 1 : 0;
            const anchor = h < 0 ? "end" : h > 0 ? "start" : "middle";
            const dx = h * r;
            const dy = size * 0.75 + v * r + ((v - 1) * size) / 2;
            const bold = /<b>/i.test(String(raw));
            const words = escaped(String(raw).replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, ""));
            parts.push(
                `<text x="${num(map.x(xs[i]) + dx)}" y="${num(map.y(trace.y[i]) + dy)}" ` +
                    `text-anchor="${anchor}" font-size="${size}" ` +
                    `fill="${escaped(at(font.color, i) || "#444")}"` +
                    (bold ? ' font-weight="bold"' : "") +
                    `>${words}</text>`
            );
        }
        return parts.join("");
    }

    function svgOf(traces, map) {
        const defs = [];
        const groups = traces.map(function (trace, index) {
            if (!trace || trace.visible === false || !(trace.x || []).length) {
                return "";
            }
            const body =
                fillOf(trace, index, map, defs) +
                linesOf(trace, map) +
                markersOf(trace, map) +
                textsOf(trace, map);
            const opacity = trace.opacity === undefined || trace.opacity === 1 ? "" : ` opacity="${trace.opacity}"`;
            return body ? `<g${opacity}>${body}</g>` : "";
        });
        const clip = map.clip.map(num);
        return (
            `<svg xmlns="${SVG}" class="overlay-svg" width="${map.width}" height="${map.height}" ` +
            `viewBox="0 0 ${map.width} ${map.height}" font-family="inherit">` +
            `<defs>${defs.join("")}<clipPath id="overlay-clip"><rect x="${clip[0]}" y="${clip[1]}" ` +
            `width="${clip[2]}" height="${clip[3]}"/></clipPath></defs>` +
            `<g clip-path="url(#overlay-clip)">${groups.join("")}</g></svg>`
        );
    }

    // The traces to draw: the first ones with the view's properties in place of theirs.
    function read(target) {
        if (observed !== target) {
            observed = target;
            new MutationObserver(function () {
                renderSoon(300);
            }).observe(target, { attributes: true, attributeFilter: ["data-patch"] });
        }
        if (base === null) {
            base = JSON.parse(target.dataset.base || "[]");
        }
        const text = target.dataset.patch || "{}";
        if (text !== patchText) {
            patchText = text;
            const changes = JSON.parse(text);
            current = {
                data: base.map(function (trace, index) {
                    return changes[index] ? Object.assign({}, trace, changes[index]) : trace;
                }),
            };
        }
    }

    function render(replotted) {
        const gd = lowerGraph();
        const target = layer();
        if (target) {
            read(target);
        }
        if (!gd || !target || !current) {
            return false;
        }
        if (watched !== gd && typeof gd.on === "function") {
            // The lower figure redraws on a zoom, a pan, a new view or a resize: so does this.
            watched = gd;
            gd.on("plotly_afterplot", function () {
                render(true);
            });
        }
        const map = replotted === true || !drawnMap ? mapping(gd) : drawnMap;
        if (!map || !map.width) {
            return false;
        }
        drawnMap = map;
        const traces = (current.data || []).concat(highlighted ? [highlighted] : []);
        target.innerHTML = svgOf(traces, map);
        const drawn = (current.data || []).reduce(function (count, trace) {
            return count + (trace && trace.x ? trace.x.filter((x) => x !== null).length : 0);
        }, 0);
        target.dataset.points = String(drawn);
        target.dataset.ranges = JSON.stringify([gd.layout.xaxis.range, gd.layout.yaxis.range]);
        return true;
    }

    // Until the lower figure is drawn there is nothing to map to: try again each frame.
    function renderSoon(left) {
        if (!render() && left > 0) {
            window.requestAnimationFrame(function () {
                renderSoon(left - 1);
            });
        }
    }

    window.fascialinesOverlay = {
        // The overlay as drawn now (for "Save picture"): an SVG text, or null.
        picture: function () {
            const target = layer();
            const svg = target && target.querySelector("svg");
            return svg ? new XMLSerializer().serializeToString(svg) : null;
        },
        // One more trace drawn over the rest (a line explorer's step), or none (null).
        highlight: function (trace) {
            highlighted = trace;
            render();
        },
        render: render,
    };

    // The page is drawn by Dash after this script runs: look for it each frame for a while.
    renderSoon(600);
})();
