// Prose to HTML: TeX survives the markdown parser untouched, dollars that are not math stay
// text, headings get unique anchors, and Ink's line-break quirks are smoothed over.
import Testing

@testable import Literate

@Suite struct MarkdownTests {
    @Test(arguments: [
        ("$x_1 + y_2$", [MathSpans.Span(tex: "x_1 + y_2", display: false)]),
        ("a $*b*$ c $d$", [.init(tex: "*b*", display: false), .init(tex: "d", display: false)]),
        ("$$\\frac{a_1}{b_2}$$", [.init(tex: "\\frac{a_1}{b_2}", display: true)]),
        ("$$\na\n$$", [.init(tex: "a", display: true)]),
        ("costs $5 and $10", []),
        ("a $ b $ c", []),
        ("\\$x$ escaped", []),
        ("code `$x$` stays", []),
        ("```\n$x$\n```", []),
    ])
    func mathIsFoundWhereMarkdownWritersPutIt(markdown: String, spans: [MathSpans.Span]) {
        #expect(MathSpans(markdown).spans == spans)
    }

    @Test func texReachesTheHTMLUnchangedButEscaped() {
        var renderer = MarkdownRenderer()
        let html = renderer.render("Take $a_i * b_i < c$ and\n$$\\sum_{i} x_i^*$$")
        #expect(html.contains(#"<span class="math inline">a_i * b_i &lt; c</span>"#))
        #expect(html.contains(#"<span class="math display">\sum_{i} x_i^*</span>"#))
        #expect(!html.contains("<em>"))
    }

    /// `⟦` shows where `InkGuard.bracket` stands in for a `[` that opens no link.
    @Test(arguments: [
        ("[1, 2] and [a", "⟦1, 2] and ⟦a"),
        ("a [link](https://x.org) and [text][ref]", "a [link](https://x.org) and [text][ref]"),
        ("[ref]: https://x.org but a [b]: c", "[ref]: https://x.org but a ⟦b]: c"),
        ("![a dot](dot.png) [[nested](x)]", "![a dot](dot.png) ⟦[nested](x)]"),
        ("[x](unclosed and [y][unclosed", "⟦x](unclosed and ⟦y]⟦unclosed"),
        ("[x](a (b) c) [y](z\r)", "[x](a (b) c) ⟦y](z\r)"),
        ("code `a[0]` stays, \\[escaped] too", "code `a[0]` stays, \\[escaped] too"),
        // Ink's code spans: one backtick to the next ("``" is an empty one), never across a line
        ("``b[`]``", "``b⟦`]``"),
        ("`unclosed [x]\r` code", "`unclosed ⟦x]\r` code"),
        ("no brackets", "no brackets"),
    ])
    func bracketsThatOpenNoLinkAreSwapped(line: String, swapped: String) {
        let shown = String(String.UnicodeScalarView(
            InkGuard.escapingUnlinkedBrackets(line).unicodeScalars.map { $0 == InkGuard.bracket ? "⟦" : $0 }))
        #expect(shown == swapped)
    }

    /// A list reads a following line of ``` as its text, not as a fence: the fuzzer's
    /// timeout-32774213… hid brackets there from a guard that guessed at fences.
    @Test(.timeLimit(.minutes(1))) func theStandInsComeBackInTheHTML() {
        var renderer = MarkdownRenderer()
        #expect(renderer.render("a [1, 2] and [x](y)") == #"<p>a [1, 2] and <a href="y">x</a></p>"#)
        let brackets = String(repeating: "[", count: 40)
        for markdown in ["- item `a\n```x\nlet a = \(brackets)x", "```\nlet a = \(brackets)x\n```"] {
            let html = renderer.render(markdown)
            #expect(html.contains("let a = \(brackets)x") && !html.unicodeScalars.contains(InkGuard.bracket))
        }
    }

    /// Ink backtracks over every unmatched `[`: 2^n for a run of n (the notebook-source
    /// fuzzer's timeout-2df64348…: 17 of them took 17 s; 40 would never end).
    @Test(.timeLimit(.minutes(1))) func aRunOfUnmatchedBracketsRendersAtOnceAsText() {
        var renderer = MarkdownRenderer()
        let brackets = String(repeating: "[", count: 40)
        let html = renderer.render("one\(brackets)e] line\n\n```\nlet a = x[0]\n```")
        #expect(html.contains("<p>one\(brackets)e] line</p>"))
        #expect(html.contains("let a = x[0]"))
        #expect(!html.contains("\\"))
    }

    /// The notebook-source fuzzer's timeout-f022e9d4…, reduced: Ink 0.6 never finished `<P`.
    @Test(.timeLimit(.minutes(1))) func aParagraphTagThatNeverClosesRendersAsText() {
        let angle = String(Character(InkGuard.angle))
        #expect(InkGuard.escapingUnclosedParagraphTags("a <p> b <P") == "a <p> b \(angle)P")
        #expect(InkGuard.escapingUnclosedParagraphTags("<pre>x</pre> and <p") == "<pre>x</pre> and \(angle)p")
        #expect(InkGuard.escapingUnclosedParagraphTags("x < y, <b and <p> q") == "x < y, <b and <p> q")
        for markdown in ["<P", "<p", "text\n\n<p lower", "<b>bold</b> and <p"] {
            var renderer = MarkdownRenderer()
            let html = renderer.render(markdown)
            #expect(html.contains("&lt;") || html.contains("<p>"), "\(markdown) → \(html)")
        }
        var renderer = MarkdownRenderer()
        #expect(renderer.render("<P") == "<p>&lt;P</p>")
    }

    /// The fuzzer's timeout-8ccea4a4…: brackets after an HTML element that opens the line.
    @Test(.timeLimit(.minutes(1))) func bracketsAfterALeadingHTMLElementRenderAtOnce() {
        var renderer = MarkdownRenderer()
        let html = renderer.render("<b>html</b> and " + String(repeating: "[", count: 40) + " x")
        #expect(html.contains("<b>html</b>"))
        #expect(html.contains(String(repeating: "[", count: 40) + " x"))
    }

    @Test func linksStillRender() {
        var renderer = MarkdownRenderer()
        let html = renderer.render("See [the paper](https://arxiv.org/abs/1703.02910) [1].")
        #expect(html == #"<p>See <a href="https://arxiv.org/abs/1703.02910">the paper</a> [1].</p>"#)
    }

    @Test func headingsGetUniqueAnchors() {
        var renderer = MarkdownRenderer()
        let html = renderer.render("## Results\ntext\n## Results\n### The *best* one")
        #expect(html.contains(#"<h2 id="results">Results</h2>"#))
        #expect(html.contains(#"<h2 id="results-2">Results</h2>"#))
        #expect(renderer.headings.map(\.anchor) == ["results", "results-2", "the-best-one"])
        #expect(renderer.headings.map(\.level) == [2, 2, 3])
    }

    @Test(arguments: [
        ("one\n`two` three", "one `two` three"),
        ("a `code\nspan` b", "a `code span` b"),
        ("para\n\nnext", "para\n\nnext"),
        ("text\n- item\n  continued\n- next", "text\n- item continued\n- next"),
        ("## Heading\nbody", "## Heading\nbody"),
        ("```\nlet a = 1\nlet b = 2\n```", "```\nlet a = 1\nlet b = 2\n```"),
        ("| a |\n| b |", "| a |\n| b |"),
    ])
    func paragraphLinesAreJoinedAndBlocksKept(markdown: String, joined: String) {
        #expect(MarkdownRenderer.joiningParagraphLines(markdown) == joined)
    }

    @Test func aCodeSpanAtTheStartOfALineStaysInItsParagraph() {
        var renderer = MarkdownRenderer()
        #expect(
            renderer.render("Run it with\n`swift run Tour` and open it.")
                == "<p>Run it with <code>swift run Tour</code> and open it.</p>")
    }

    @Test(arguments: [
        ("Train the baseline (2 000 labels)", "train-the-baseline-2-000-labels"),
        ("<script>", "script"), ("π ≈ 3", "3"), ("!!!", "cell"),
    ])
    func slugsAreSafeInFileNamesAndAnchors(text: String, slug: String) {
        #expect(HTML.slug(text) == slug)
    }

    @Test func escapingCoversTextAndAttributes() {
        #expect(HTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}
