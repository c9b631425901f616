import ArgumentParser

/// `token create --role`: the roles of API.md, parsed by the argument parser (listed in `--help`, any other word
/// refused before the database is opened).
enum TokenRole: String, CaseIterable, ExpressibleByArgument {
    case admin, regulator, enterprise, trainer, viewer
}
