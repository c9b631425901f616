import RegistryDomain
import RegistryStore

/// Generates a plausible city deterministically from a seed (SplitMix64): towns of Zhongshan (4420),
/// size classes in realistic proportions, manufacturing-heavy industries.
struct DemoCity {
    static let towns: [(code: String, name: String)] = [
        ("442000001", "石岐街道"), ("442000002", "东区街道"), ("442000003", "火炬开发区"), ("442000004", "西区街道"),
        ("442000005", "南区街道"), ("442000006", "五桂山街道"), ("442000100", "小榄镇"), ("442000101", "黄圃镇"),
        ("442000102", "民众街道"), ("442000103", "东凤镇"), ("442000104", "东升镇"), ("442000105", "古镇镇"),
        ("442000106", "沙溪镇"), ("442000107", "坦洲镇"), ("442000108", "港口镇"), ("442000109", "三角镇"),
        ("442000110", "横栏镇"), ("442000111", "南头镇"), ("442000112", "阜沙镇"), ("442000113", "南朗街道"),
        ("442000114", "三乡镇"), ("442000115", "板芙镇"), ("442000116", "大涌镇"), ("442000117", "神湾镇"),
    ]
    static let industries: [(code: String, kind: String)] = [
        ("C3857", "电器"), ("C3879", "灯饰"), ("C3911", "电子"), ("C3411", "机械"), ("C2921", "塑胶制品"),
        ("C1411", "食品"), ("C1811", "服饰"), ("C2110", "家具"), ("C3311", "五金"), ("C2710", "医药"),
        ("C4011", "仪器"), ("F5174", "贸易"), ("I6513", "软件"), ("E4811", "建设工程"),
    ]
    static let brands = Array("华中兴达创新科技智能精密宏远通泰和盛美嘉恒信安联明日光星辰海山金源德隆富康顺")

    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func enterprise(_ index: Int) -> Enterprise {
        let town = Self.towns[below(Self.towns.count)]
        let industry = Self.industries[below(Self.industries.count)]
        let roll = below(100)
        let size: SizeClass = roll < 2 ? .large : roll < 12 ? .medium : roll < 52 ? .small : .micro
        let (employees, revenue): (Int, Int64) =
            switch size {
            case .large: (1_000 + below(4_000), 400_000_000 + Int64(below(2_000)) * 1_000_000)
            case .medium: (300 + below(700), 20_000_000 + Int64(below(380)) * 1_000_000)
            case .small: (20 + below(280), 3_000_000 + Int64(below(17_000)) * 1_000)
            case .micro: (1 + below(19), 100_000 + Int64(below(2_900)) * 1_000)
            }
        let brand = String((0..<2).map { _ in Self.brands[below(Self.brands.count)] })
        let serial = String(index + 1)
        let first17 = "91" + town.code.prefix(6) + String(repeating: "0", count: 9 - serial.count) + serial
        let uscc = (try? USCC(first17 + String(USCC.checkCharacter(for: first17) ?? "0"))) ?? Self.fallbackUSCC
        let sector: Sector =
            industry.code.hasPrefix("E") ? .engineering : industry.code.hasPrefix("C") ? .product : .service
        return Enterprise(
            uscc: uscc, name: "中山市\(brand)\(industry.kind)有限公司(\(town.name))",
            regionCode: (try? RegionCode(town.code)) ?? Self.zhongshan,
            sizeClass: size, aboveScale: AboveScale.derived(revenueCNY: revenue),
            industryCode: (try? IndustryCode(industry.code)) ?? Self.fallbackIndustry, sector: sector,
            employees: employees, revenueCNY: revenue,
            registeredOn: CivilDate(year: 1995 + below(28), month: 1 + below(12), day: 1 + below(28)))
    }

    static let zhongshan = constant(try? RegionCode("4420"))
    static let fallbackIndustry = constant(try? IndustryCode("C38"))
    static let fallbackUSCC = constant(
        try? USCC("91442000000000001" + String(USCC.checkCharacter(for: "91442000000000001") ?? "0")))

    /// A value known valid when written; a demo generator is never on a request path.
    private static func constant<T>(_ value: T?) -> T {
        guard let value else { preconditionFailure("a demo constant is invalid") }
        return value
    }
}
