"""Markdown reference tables generated from an atlas, so the documentation never drifts.

``fascialines docs --out docs/atlas-reference.md`` (``make docs``) writes the result of
:func:`render_reference` for the packaged atlas; a test checks that the committed file matches.
"""

from __future__ import annotations

from collections.abc import Iterable

from fascialines.atlas import Atlas, Line

__all__ = ["render_reference"]

_HEADER = (
    "<!-- Generated from data/lines.json by `make docs` (fascialines docs). "
    "Do not edit by hand. -->"
)


def render_reference(atlas: Atlas) -> str:
    """Render the atlas as markdown reference tables.

    Parameters
    ----------
    atlas : Atlas
        A loaded atlas (see :func:`fascialines.atlas.load_atlas`).

    Returns
    -------
    str
        Markdown with, in order: the lines (stations in order, then every transition with its
        evidence grade, basis and sources), the symptoms (aliases, where felt, red flags), the
        red flags, the trigger-point patterns (essential and spillover zones, where the trigger
        point lies) and their caveats, self-care notes and the regions not for self-treatment,
        safety (contraindications, endangerment sites), the popular claims with their verdicts,
        and the sources. The text ends with a single newline. Editors' notes are never
        included: the reference is reader text.

    Notes
    -----
    Pure and deterministic: the order is the atlas's own, so the same atlas always gives the
    same text. Cost is linear in the size of the atlas.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> text = render_reference(load_atlas())
    >>> text.splitlines()[2]
    '# Atlas reference'
    """
    parts = [
        _HEADER,
        "",
        "# Atlas reference",
        "",
        f"{atlas.title}. Licence: {atlas.licence or 'not stated'}.",
        "",
        _counts(atlas),
        "",
        "Evidence grades, strongest first: `strong`, `moderate`, `limited` (studied and found), "
        "`not-studied` (the model's claim only), `not-found` (studied and not found). "
        "*Basis* `transition` means a source rated that very step and the grade is its rating; "
        "`line` means no source rated the step on its own: the step is `not-studied` and the "
        "line's own rating, given once above its steps, is what may be said about it. "
        "How to edit the atlas: [atlas.md](atlas.md).",
        "",
        "## Contents",
        "",
        "- [Lines](#lines)",
        "- [Symptoms](#symptoms)",
        "- [Red flags](#red-flags)",
        "- [Trigger-point referral patterns](#trigger-point-referral-patterns)",
        "- [Self-care notes](#self-care-notes)",
        "- [Safety](#safety)",
        "- [Claims and what the evidence says](#claims-and-what-the-evidence-says)",
        "- [Sources](#sources)",
        "",
        "## Lines",
        "",
    ]
    for line in atlas.lines:
        parts.extend(_line_section(atlas, line))
    parts.extend(_symptoms(atlas))
    parts.extend(_red_flags(atlas))
    parts.extend(_patterns(atlas))
    parts.extend(_self_care(atlas))
    parts.extend(_safety(atlas))
    parts.extend(_claims(atlas))
    parts.extend(_sources(atlas))
    return "\n".join(parts).rstrip("\n") + "\n"


def _cell(text: object) -> str:
    """Make text safe inside a markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    header = list(header)
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out.extend("| " + " | ".join(_cell(value) for value in row) + " |" for row in rows)
    out.append("")
    return out


def _counts(atlas: Atlas) -> str:
    return (
        f"{len(atlas.lines)} lines, {len(atlas.regions)} regions, "
        f"{len(atlas.referral_patterns)} trigger-point patterns, {len(atlas.symptoms)} symptoms, "
        f"{len(atlas.red_flags)} red flags, {len(atlas.sources)} sources."
    )


def _name(atlas: Atlas, region_id: str) -> str:
    region = atlas.region(region_id)
    if region.plain_name and region.plain_name.lower() != region.name.lower():
        return f"{region.name} ({region.plain_name})"
    return region.name


def _ids(values: Iterable[str]) -> str:
    return ", ".join(f"`{value}`" for value in values)


def _line_section(atlas: Atlas, line: Line) -> list[str]:
    out = [
        f"### {line.name} ({line.abbreviation})",
        "",
        f"`{line.id}`. {line.summary}",
        "",
        f"**Evidence: {line.evidence.grade}.** {line.evidence.summary} "
        f"Sources: {_ids(line.evidence.sources)}.",
        "",
    ]
    if line.midline_crossings:
        out.append("Crosses the midline:")
        out.append("")
        out.extend(
            f"- {_name(atlas, crossing.from_)} → {_name(atlas, crossing.to)}: "
            f"{crossing.description}"
            for crossing in line.midline_crossings
        )
        out.append("")
    out.append("Stations and tracks in order:")
    out.append("")
    out.extend(
        f"{number}. {_name(atlas, region_id)} *({atlas.region(region_id).kind})*"
        for number, region_id in enumerate(line.stations, start=1)
    )
    out.append("")
    for branch in line.branches:
        if len(line.branches) > 1:
            out.append(f"**{branch.name}** (`{branch.id}`)")
            out.append("")
        out.extend(
            _table(
                ["From", "To", "Evidence", "Basis", "Sources", "Note"],
                (
                    (
                        atlas.region(step.from_).name,
                        atlas.region(step.to).name,
                        step.evidence,
                        step.evidence_basis,
                        ", ".join(step.sources),
                        step.note or "",
                    )
                    for step in branch.transitions
                ),
            )
        )
    return out


def _alias(aliases: Iterable[str], notes: dict[str, str]) -> list[str]:
    return [f"{alias} (*{notes[alias]}*)" if alias in notes else alias for alias in aliases]


def _symptoms(atlas: Atlas) -> list[str]:
    rows = (
        (
            f"{symptom.name} (`{symptom.id}`)",
            "; ".join(_alias(symptom.aliases, symptom.alias_notes)),
            ", ".join(_name(atlas, region) for region in symptom.felt_at),
            "; ".join(symptom.related_conditions),
            ", ".join(symptom.red_flags),
        )
        for symptom in atlas.symptoms
    )
    return [
        "## Symptoms",
        "",
        "Paired regions are felt on the side the person names (left, right or both).",
        "",
        *_table(["Symptom", "Aliases", "Felt at", "Related conditions", "Red flags"], rows),
    ]


def _red_flags(atlas: Atlas) -> list[str]:
    rows = (
        (f"`{flag.id}`", flag.text, flag.action, ", ".join(flag.sources))
        for flag in atlas.red_flags
    )
    return ["## Red flags", "", *_table(["Id", "Signs", "Action", "Sources"], rows)]


def _plain(atlas: Atlas, region_ids: Iterable[str]) -> str:
    return ", ".join(atlas.region(area).plain_name or area for area in region_ids)


def _patterns(atlas: Atlas) -> list[str]:
    rows = (
        (
            _name(atlas, pattern.muscle),
            _plain(atlas, pattern.essential),
            _plain(atlas, pattern.spillover) or "none",
            pattern.trigger_point.description if pattern.trigger_point else "",
            pattern.description,
            ", ".join(pattern.sources),
        )
        for pattern in atlas.referral_patterns
    )
    out = [
        "## Trigger-point referral patterns",
        "",
        "A second, separate mechanism from the fascial lines. *Essential* zones are those "
        "Travell and Simons draw in solid red (felt by nearly everyone with that trigger point), "
        "*spillover* zones those they stipple (felt by some). Read these caveats first:",
        "",
    ]
    out.extend(
        f"- {caveat.text} ({', '.join(caveat.sources)})" for caveat in atlas.trigger_point_caveats
    )
    out.append("")
    out.extend(
        _table(
            ["Muscle", "Essential zones", "Spillover zones", "Trigger point", "Pattern", "Sources"],
            rows,
        )
    )
    return out


def _self_care(atlas: Atlas) -> list[str]:
    rows = (
        (
            _name(atlas, region.id),
            region.self_care.tool,
            region.self_care.how,
            f"{region.self_care.duration} {region.self_care.frequency}",
            region.self_care.avoid,
        )
        for region in atlas.regions
        if region.self_care is not None
    )
    out = ["## Self-care notes", ""]
    out.extend(_table(["Region", "Tool", "How", "How long and how often", "Avoid"], rows))
    hands_off = [
        (_name(atlas, region.id), region.not_for_self_treatment)
        for region in atlas.regions
        if region.not_for_self_treatment
    ]
    if hands_off:
        out.extend(["### Not for self-treatment", ""])
        out.extend(_table(["Region", "Why"], hands_off))
    return out


def _safety(atlas: Atlas) -> list[str]:
    out = ["## Safety", "", "### Contraindications", ""]
    out.extend(
        _table(
            ["Kind", "Condition", "Sources"],
            (
                (item.kind, item.text, ", ".join(item.sources))
                for item in sorted(
                    atlas.contraindications, key=lambda item: item.kind != "absolute"
                )
            ),
        )
    )
    out.extend(["### Endangerment sites", ""])
    out.extend(
        _table(
            ["Site", "Regions", "Why", "Sources"],
            (
                (
                    site.name,
                    ", ".join(atlas.region(region).name for region in site.regions),
                    site.reason,
                    ", ".join(site.sources),
                )
                for site in atlas.endangerment_sites
            ),
        )
    )
    return out


def _claims(atlas: Atlas) -> list[str]:
    rows = (
        (claim.claim, claim.verdict, claim.evidence, ", ".join(claim.sources))
        for claim in atlas.claims
    )
    return [
        "## Claims and what the evidence says",
        "",
        *_table(["Claim", "Verdict", "What the evidence says", "Sources"], rows),
    ]


def _sources(atlas: Atlas) -> list[str]:
    out = ["## Sources", ""]
    for source in atlas.sources:
        entry = f"- `{source.id}`: {source.citation}"
        if source.doi:
            entry += f" doi:{source.doi}"
        if source.note:
            entry += f" *{source.note}*"
        out.append(entry)
    out.append("")
    if atlas.credits:
        out.extend(["## Credits", "", atlas.credits, ""])
    return out
