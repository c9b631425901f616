import GRDB
import RegistryDomain

/// The `WHERE` clause of a list query, built from named conditions with bound arguments.
///
/// ```swift
/// var filter = ListFilter(afterID: query.afterID, limit: query.limit, idColumn: "r.id")
/// filter.regionPrefixes(query.regionPrefixes, column: "e.region_code")
/// filter.equals("r.status", query.status?.rawValue)
/// let sql = "SELECT … WHERE \(filter.clause) ORDER BY r.id LIMIT :limit"
/// ```
struct ListFilter {
    private(set) var conditions: [String]
    private(set) var arguments: [String: (any DatabaseValueConvertible)?]

    /// No paging: only the conditions added.
    init() {
        conditions = []
        arguments = [:]
    }

    /// Keyset paging on `idColumn`: rows after `afterID`, at most `limit`.
    init(afterID: Int64?, limit: Int, idColumn: String) {
        conditions = ["\(idColumn) > :after"]
        arguments = ["after": afterID ?? 0, "limit": limit]
    }

    /// Every prefix must match `column`, each as a range the column's index serves.
    mutating func regionPrefixes(_ prefixes: [RegionCode], column: String) {
        for (index, prefix) in prefixes.enumerated() {
            conditions.append("\(column) >= :rlo\(index) AND \(column) < :rhi\(index)")
            arguments["rlo\(index)"] = prefix.value
            arguments["rhi\(index)"] = prefix.value + ":"  // ':' follows '9': every code with the prefix sorts below
        }
    }

    /// `column <operator> value`, only when `value` is given.
    mutating func compare(_ column: String, _ value: (any DatabaseValueConvertible)?, operator: String = "=") {
        guard let value else { return }
        let name = "p\(arguments.count)"
        conditions.append("\(column) \(`operator`) :\(name)")
        arguments[name] = value
    }

    /// A condition as written, with the named arguments it binds (`a.person_id IN (1,2,3)` over numbers the store
    /// made needs none).
    mutating func add(_ condition: String, _ named: [String: (any DatabaseValueConvertible)?] = [:]) {
        conditions.append(condition)
        arguments.merge(named) { $1 }
    }

    var clause: String { conditions.isEmpty ? "1" : conditions.joined(separator: " AND ") }
    var statementArguments: StatementArguments { StatementArguments(arguments) }
}
