#if canImport(Glibc)
    import Glibc
#endif

/// Facts about the machine, read once.
enum SystemInfo {
    /// Cores this process may run on (`sysconf(_SC_NPROCESSORS_ONLN)`).
    static var activeProcessorCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
