// The frame every report page shares: the document head with the inline style sheet, and the
// scripts that typeset math and colour code when the assets are there.

/// The `<html>` around a page's body.
enum PageShell {
    /// A complete page titled `title` around `body`; `assetsPath` leads from the page to
    /// `<output>/assets/`.
    static func html(title: String, assetsPath: String, assets: ReportAssets, body: String) -> String {
        var head = ""
        var scripts = ""
        if assets.katex {
            head += "<link rel=\"stylesheet\" href=\"\(assetsPath)katex/katex.min.css\">\n"
            scripts += "<script src=\"\(assetsPath)katex/katex.min.js\"></script>\n"
        }
        if assets.highlight {
            head += "<link rel=\"stylesheet\" href=\"\(assetsPath)highlight/github.css\">\n"
            scripts += "<script src=\"\(assetsPath)highlight/highlight.min.js\"></script>\n"
        }
        if assets.katex || assets.highlight { scripts += "<script>\(typesetting)</script>\n" }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            \(head)<style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <div class="page">
            \(body)
            </div>
            \(scripts)</body>
            </html>

            """
    }

    /// Typesets every `.math` span with KaTeX and colours every Swift code block.
    private static let typesetting = """
        document.querySelectorAll(".math").forEach(function (element) {
          if (!window.katex) return;
          katex.render(element.textContent, element, {displayMode: element.classList.contains("display"), throwOnError: false});
        });
        document.querySelectorAll("pre code.language-swift").forEach(function (element) {
          if (window.hljs) hljs.highlightBlock(element);
        });
        """
}
