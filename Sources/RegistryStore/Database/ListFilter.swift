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

    var clause: String { conditions.joined(separator: " AND ") }
    var statementArguments: StatementArguments { StatementArguments(arguments) }
}
