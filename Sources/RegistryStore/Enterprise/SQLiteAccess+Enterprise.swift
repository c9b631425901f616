import GRDB
import RegistryDomain

// MARK: - EnterpriseReader

extension SQLiteAccess {
    static let enterpriseColumns = """
        e.uscc, e.name, e.region_code, e.size_class, e.above_scale, e.industry_code, e.sector,
        e.employees, e.revenue_cny, e.registered_on, e.deregistered_on
        """

    /// `covered`: a registered `cqo` whose term contains the day (registered by then, not yet ended).
    /// Past terms count whatever the appointment's status is today; a returned or submitted filing never does.
    static let coveredOnDay = """
        EXISTS (SELECT 1 FROM appointment a
                WHERE a.uscc = e.uscc AND a.role = 'cqo' AND a.registered_on IS NOT NULL
                  AND a.registered_on <= :day AND (a.ended_on IS NULL OR a.ended_on > :day))
        """

    /// In the coverage population on the day: registered on the roster by then (when the date is known) and not
    /// deregistered on it.
    static let inPopulationOnDay = """
        (e.registered_on IS NULL OR e.registered_on <= :day) AND (e.deregistered_on IS NULL OR e.deregistered_on > :day)
        """

    static let enterpriseByUSCC = """
        SELECT \(enterpriseColumns), \(coveredOnDay) AS covered FROM enterprise e WHERE e.uscc = :uscc
        """

    func enterprise(_ uscc: USCC, on day: CivilDate) throws -> EnterpriseRecord? {
        let statement = try db.cachedStatement(sql: Self.enterpriseByUSCC)
        statement.setUncheckedArguments(["uscc": uscc.value, "day": day.description])
        return try EnterpriseRow.fetchOne(statement)?.record
    }

    func regionCodes(of usccs: [USCC]) throws -> [USCC: RegionCode] {
        var regions: [USCC: RegionCode] = [:]
        // In chunks well under SQLite's limit on bound parameters.
        for start in stride(from: 0, to: usccs.count, by: 500) {
            let chunk = usccs[start..<min(start + 500, usccs.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchCursor(
                db, sql: "SELECT uscc, region_code FROM enterprise WHERE uscc IN (\(marks))",
                arguments: StatementArguments(chunk.map(\.value)))
            while let row = try rows.next() {
                regions[USCC(stored: try row.decode(atIndex: 0))] = RegionCode(stored: try row.decode(atIndex: 1))
            }
        }
        return regions
    }

    func enterprises(_ query: EnterpriseQuery) throws -> [EnterpriseRecord] {
        var conditions: [String] = []
        var arguments: [String: (any DatabaseValueConvertible)?] = ["day": query.day.description]
        for (index, prefix) in query.regionPrefixes.enumerated() {
            conditions.append("e.region_code >= :rlo\(index) AND e.region_code < :rhi\(index)")
            arguments["rlo\(index)"] = prefix.value
            arguments["rhi\(index)"] = prefix.value + ":"  // ':' follows '9': every code with this prefix sorts below
        }
        if let uscc = query.uscc { conditions.append("e.uscc = :uscc"); arguments["uscc"] = uscc.value }
        if let size = query.sizeClass { conditions.append("e.size_class = :size"); arguments["size"] = size.rawValue }
        if let above = query.aboveScale { conditions.append("e.above_scale = :above"); arguments["above"] = above }
        if let manufacturing = query.manufacturing {
            conditions.append(manufacturing ? "e.industry_code GLOB 'C*'" : "e.industry_code NOT GLOB 'C*'")
        }
        if let industry = query.industryPrefix {
            conditions.append("e.industry_code >= :ilo AND e.industry_code < :ihi")
            arguments["ilo"] = industry
            arguments["ihi"] = industry + ":"
        }
        if let sector = query.sector { conditions.append("e.sector = :sector"); arguments["sector"] = sector.rawValue }
        if let covered = query.covered {
            // Covered or not is asked of the coverage population on the day (DOMAIN.md): on the roster by then
            // and not deregistered, so that `covered=false` is exactly the worklist `/v1/coverage` counts.
            conditions.append(Self.inPopulationOnDay)
            conditions.append(covered ? Self.coveredOnDay : "NOT \(Self.coveredOnDay)")
        }
        if let text = query.text, !text.isEmpty {
            conditions.append("(e.name LIKE :pattern ESCAPE '\\' OR e.uscc = :text)")
            arguments["pattern"] = "%" + Self.escapeLike(text) + "%"
            arguments["text"] = text
        }
        if let after = query.after { conditions.append("e.uscc > :after"); arguments["after"] = after }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT \(Self.enterpriseColumns), \(Self.coveredOnDay) AS covered FROM enterprise e
            \(whereClause) ORDER BY e.uscc LIMIT :limit
            """
        arguments["limit"] = query.limit
        return try EnterpriseRow.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(\.record)
    }

    /// A row of `enterpriseColumns` as an enterprise (never nil: a row that does not parse throws), for readers
    /// that map rows with `compactMap(Self.enterprise)`.
    /// - Throws: `StoreError.unreadable`.
    static func enterprise(_ row: Row) throws -> Enterprise? { try EnterpriseRow(row: row).record.enterprise }

    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

// MARK: - EnterpriseWriter

extension SQLiteAccess {
    static let insertEnterpriseSQL = """
        INSERT INTO enterprise (uscc, name, region_code, size_class, above_scale, industry_code, sector,
                                employees, revenue_cny, registered_on, deregistered_on)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let upsertEnterpriseSQL =
        insertEnterpriseSQL + """
             ON CONFLICT (uscc) DO UPDATE SET
                name = excluded.name, region_code = excluded.region_code, size_class = excluded.size_class,
                above_scale = excluded.above_scale, industry_code = excluded.industry_code, sector = excluded.sector,
                employees = excluded.employees, revenue_cny = excluded.revenue_cny,
                registered_on = excluded.registered_on, deregistered_on = excluded.deregistered_on,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            """

    static func arguments(_ e: Enterprise) -> StatementArguments {
        [
            e.uscc.value, e.name, e.regionCode.value, e.sizeClass.rawValue, e.aboveScale, e.industryCode.value,
            e.sector.rawValue, e.employees, e.revenueCNY, e.registeredOn?.description, e.deregisteredOn?.description,
        ]
    }

    func insert(_ enterprise: Enterprise) throws {
        do {
            try db.execute(sql: Self.insertEnterpriseSQL, arguments: Self.arguments(enterprise))
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            throw StoreError.duplicate("an enterprise with USCC \(enterprise.uscc) is on the roster already")
        }
    }

    func update(_ enterprise: Enterprise) throws {
        try db.execute(
            sql: """
                UPDATE enterprise SET name = ?, region_code = ?, size_class = ?, above_scale = ?, industry_code = ?,
                    sector = ?, employees = ?, revenue_cny = ?, registered_on = ?, deregistered_on = ?,
                    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                WHERE uscc = ?
                """,
            arguments: [
                enterprise.name, enterprise.regionCode.value, enterprise.sizeClass.rawValue, enterprise.aboveScale,
                enterprise.industryCode.value, enterprise.sector.rawValue, enterprise.employees,
                enterprise.revenueCNY, enterprise.registeredOn?.description, enterprise.deregisteredOn?.description,
                enterprise.uscc.value,
            ])
        if db.changesCount == 0 { throw StoreError.notFound }
    }

    func upsert(_ enterprises: [Enterprise]) throws -> Int {
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM enterprise WHERE uscc = ?")
        let upsert = try db.cachedStatement(sql: Self.upsertEnterpriseSQL)
        var inserted = 0
        for enterprise in enterprises {
            if try Bool.fetchOne(exists, arguments: [enterprise.uscc.value]) == nil { inserted += 1 }
            try upsert.execute(arguments: Self.arguments(enterprise))
        }
        return inserted
    }
}
