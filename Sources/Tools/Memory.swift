import COAESystem

/// The process's memory, as the allocator keeps it.
public enum Memory {
    /// Gives back to the system the pages the allocator keeps for reuse after they were
    /// freed: jemalloc, with which oae is linked on Linux, keeps them for the whole run (a
    /// build peaks once and ends); `oae serve` runs for hours and calls this after each
    /// save. Does nothing with another allocator.
    public static func releaseFreePages() { oae_release_free_memory() }
}
