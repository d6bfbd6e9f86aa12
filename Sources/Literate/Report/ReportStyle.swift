// The look of the reports: a readable column, the system's fonts, quiet boxes around cells, and
// pages that print cleanly. Inline in every page so a report is one file plus its pictures.

/// The style sheet of report pages.
enum ReportStyle {
    static let css = """
        :root {
          --text: #1d2127; --muted: #5f6873; --faint: #8b949e; --line: #dfe3e8; --soft: #f6f8fa;
          --accent: #0a5cc2; --ok: #1a7f37; --bad: #c62a2f; --warn: #9a6700; --cache: #6f42c1;
          --mono: ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
        }
        * { box-sizing: border-box; }
        html { font-size: 17px; -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: #fff; color: var(--text); line-height: 1.6;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "DejaVu Sans", sans-serif; }
        .page { max-width: 860px; margin: 0 auto; padding: 3rem 1.5rem 5rem; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        h1, h2, h3, h4 { line-height: 1.25; font-weight: 650; }
        h1 { font-size: 2.15rem; margin: 0.15rem 0 0.9rem; letter-spacing: -0.015em; }
        h2 { font-size: 1.45rem; margin: 2.6rem 0 0.6rem; letter-spacing: -0.01em; }
        h3 { font-size: 1.15rem; margin: 1.8rem 0 0.5rem; }
        p, ul, ol { margin: 0.7rem 0; }
        code { font-family: var(--mono); font-size: 0.86em; background: var(--soft); padding: 0.1em 0.3em; border-radius: 4px; }
        pre { font-family: var(--mono); font-size: 0.8rem; line-height: 1.5; }
        pre code { background: none; padding: 0; font-size: inherit; }
        .prose pre { background: var(--soft); padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; }
        .prose blockquote { margin: 1rem 0; padding: 0.1rem 1rem; border-left: 3px solid var(--line); color: var(--muted); }
        .math.display { display: block; margin: 1rem 0; text-align: center; overflow-x: auto; overflow-y: hidden; }
        .math { font-family: var(--mono); font-size: 0.92em; }  /* raw TeX, until KaTeX typesets it */
        .math .katex { font-size: 1.3em; }

        .report-head { border-bottom: 1px solid var(--line); padding-bottom: 1.2rem; margin-bottom: 1.5rem; }
        .kicker { margin: 0; color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; }
        .status { margin: 0 0 0.8rem; font-size: 0.95rem; }
        .status.ok b { color: var(--ok); }
        .status.failed b { color: var(--bad); }
        .status.running b, .status.interrupted b { color: var(--warn); }
        .run-note { margin: 0 0 0.8rem; padding: 0.5rem 0.9rem; background: #fff8e6; border-radius: 6px; font-size: 0.85rem; }
        .smoke { display: inline-block; font-size: 0.75rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
          color: var(--warn); background: #fff3d1; border-radius: 3px; padding: 0.05rem 0.4rem; margin-right: 0.5rem; vertical-align: 0.1rem; }
        .headline { font-size: 1.15rem; margin: 0.6rem 0 1rem; padding: 0.7rem 1rem; border-left: 4px solid var(--accent);
          background: #f3f8ff; border-radius: 0 6px 6px 0; }
        .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(12.5rem, 1fr)); gap: 0.35rem 1.2rem;
          margin: 1rem 0 0; font-size: 0.8rem; }
        .facts div { min-width: 0; }
        .facts .wide { grid-column: 1 / -1; }
        .facts code { background: none; padding: 0; }
        .facts dt { color: var(--faint); font-size: 0.7rem; text-transform: uppercase; letter-spacing: 0.06em; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .contents { margin: 1.5rem 0 2rem; padding: 0.8rem 1.2rem; background: var(--soft); border-radius: 8px; font-size: 0.92rem; }
        .contents-title { font-size: 0.75rem; margin: 0 0 0.3rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
        .contents ol { margin: 0; padding-left: 1.3rem; columns: 2; column-gap: 2rem; }
        .contents li { break-inside: avoid; }
        .contents li.level-3 { list-style: none; margin-left: 1rem; font-size: 0.9em; }

        .cell { border: 1px solid var(--line); border-radius: 8px; margin: 1.1rem 0 1.8rem; overflow: hidden; background: #fff; }
        .cell-bar { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem;
          padding: 0.45rem 0.9rem; background: var(--soft); font-size: 0.82rem; }
        .cell-title { font-weight: 600; }
        .cell-meta { color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; margin-right: 0.6rem; padding: 0 0.55rem; border-radius: 999px;
          font-size: 0.72rem; font-weight: 600; line-height: 1.5rem; }
        .badge.cache { color: var(--cache); background: #f1ebfb; }
        .badge.failed { color: #fff; background: var(--bad); }
        .badge.running, .badge.interrupted { color: var(--warn); background: #fff3d1; }
        .badge.not-run { color: var(--muted); background: #eceff2; }
        .why { margin-right: 0.6rem; color: var(--muted); font-size: 0.85em; }
        .cell > :first-child { border-top: none; }
        .cell.failed { border-color: #f0a3a5; }
        .cell.failed .cell-bar { background: #fff0f0; }
        .cell.not-run { border-style: dashed; }
        .cell.not-run .cell-title { color: var(--faint); font-weight: 500; }
        details.code { border-top: 1px solid var(--line); }
        details.code > summary { cursor: pointer; padding: 0.3rem 0.9rem; color: var(--muted); font-size: 0.78rem; user-select: none; }
        details.code > summary:hover { color: var(--text); }
        details.code .lines { color: var(--faint); margin-left: 0.3rem; }
        details.code pre { margin: 0; padding: 0.8rem 1rem; background: #fbfcfd; overflow-x: auto; border-top: 1px solid var(--line); }
        details.code pre code.hljs { background: none; padding: 0; }
        .part > details.code { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; }
        pre.output { margin: 0; padding: 0.75rem 1rem; border-top: 1px solid var(--line); white-space: pre-wrap;
          overflow-wrap: anywhere; max-height: 32rem; overflow-y: auto; }
        pre.output.stderr { color: var(--warn); background: #fffbf0; }
        pre.error { margin: 0; padding: 0.75rem 1rem; border-top: 1px solid #f0a3a5; background: #fff5f5; color: var(--bad);
          white-space: pre-wrap; overflow-wrap: anywhere; }
        .note { margin: 0; padding: 0.45rem 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.8rem; font-style: italic; }
        figure { margin: 0; padding: 1rem; border-top: 1px solid var(--line); text-align: center; }
        figure img { max-width: 100%; height: auto; }
        figcaption { margin-top: 0.4rem; color: var(--muted); font-size: 0.82rem; }
        .table { border-top: 1px solid var(--line); padding: 0.9rem 1rem 1rem; overflow-x: auto; }
        .table table { border-collapse: collapse; width: 100%; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
        .table caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
        .table th { text-align: left; font-weight: 600; color: var(--muted); font-size: 0.78rem; border-bottom: 2px solid var(--line); }
        .table th, .table td { padding: 0.35rem 0.7rem; vertical-align: top; }
        .table td { border-bottom: 1px solid var(--line); }
        .table .number { text-align: right; white-space: nowrap; }
        .table-note { margin: 0.5rem 0 0; color: var(--muted); font-size: 0.8rem; }
        .studies { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
        .page:has(.studies) { max-width: 1100px; }
        .studies td:first-child { width: 24%; } .studies td.headline-cell { width: 46%; }
        .studies td:last-child { white-space: nowrap; }
        .studies th { text-align: left; color: var(--muted); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em;
          border-bottom: 2px solid var(--line); padding: 0.4rem 0.6rem; }
        .studies td { border-bottom: 1px solid var(--line); padding: 0.6rem; vertical-align: top; }
        .studies .when { white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; }
        .studies .complete { color: var(--ok); } .studies .failed { color: var(--bad); } .studies .running { color: var(--warn); }
        footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--faint); font-size: 0.8rem; }
        footer code { background: none; padding: 0; }

        @media (max-width: 600px) { html { font-size: 16px; } .contents ol { columns: 1; } }
        @media print {
          html { font-size: 11pt; }
          .page { max-width: none; padding: 0; }
          details.code, footer a { display: none; }
          .cell { break-inside: avoid; border-color: #bbb; }
          pre.output { max-height: none; overflow: visible; }
          a { color: inherit; }
        }
        """
}
