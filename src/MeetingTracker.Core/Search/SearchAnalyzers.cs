using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace MeetingTracker.Core.Search;

/// <summary>
/// Text: the standard tokenizer, lower case, accents folded (<c>Café</c> finds <c>cafe</c>); identifiers: kept whole.
/// The same analyzer indexes and queries.
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create() => new PerFieldAnalyzerWrapper(
        new FoldingAnalyzer(),
        new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [SearchFields.Team] = new KeywordAnalyzer(),
            [SearchFields.Channel] = new KeywordAnalyzer(),
            [SearchFields.Nick] = new KeywordAnalyzer(),
            [SearchFields.Kind] = new KeywordAnalyzer(),
            [SearchFields.Meeting] = new KeywordAnalyzer(),
            [SearchFields.Person] = new KeywordAnalyzer(),
        });

    /// <summary>Folds a term the way the text analyzer does (for prefix terms, which the query parser does not analyse).</summary>
    public static string Fold(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var lower = term.ToLowerInvariant().ToCharArray();
        var output = new char[lower.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, output, 0, lower.Length);
        return new string(output, 0, length);
    }

    private sealed class FoldingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
