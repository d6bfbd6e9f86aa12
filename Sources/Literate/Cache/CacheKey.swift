// The version of what a cache key covers. The key itself is `CellIngredients.key`: a SHA-256 of
// everything a cell's result can depend on (its code and all the code above it, the run's
// parameters, the linked library's sources), so an edit to any of them runs it again, while an
// edit to the prose (`//:` lines) changes nothing.

/// The cache key's format.
enum CacheKey {
    /// Bumped when the entry format or what the key covers changes.
    static let version = "literate-cache-2"
}
