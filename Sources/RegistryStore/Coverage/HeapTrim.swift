import CLinux

/// Gives freed heap pages back to the system. A full build of the coverage index holds every enterprise's changes
/// for a moment; glibc would otherwise keep those pages as the process's resident size for good.
enum HeapTrim {
    static func now() { _ = malloc_trim(0) }
}
