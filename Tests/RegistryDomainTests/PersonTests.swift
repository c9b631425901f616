import RegistryDomain
import Testing

@Suite struct PersonTests {
    @Test(arguments: [
        "13812345678", "19912345678", "020-12345678", "0760-8888888", "07608888888", "076088888888", "0201234567",
    ])
    func mainlandMobileAndLandlineNumbersAreAccepted(text: String) {
        #expect(PhoneNumber.isValid(text))
    }

    @Test(arguments: [
        "", "12812345678", "1381234567", "138123456789", "+8613812345678", "138 1234 5678", "20-12345678",
        "020-123456", "020-123456789", "02-12345678", "02012-1234567", "020--1234567", "0201234", "0760888888888",
        "１３８１２３４５６７８",
    ])
    func otherPhoneShapesAreRejected(text: String) {
        #expect(!PhoneNumber.isValid(text))
    }

    @Test(arguments: ["a@b.cn", "zhang.san+cqo@example.com.cn", "质量@例子.中国"])
    func simpleEmailShapesAreAccepted(text: String) throws {
        #expect(try EmailAddress(text).value == text)
    }

    @Test(arguments: ["", "a", "a@b", "@b.cn", "a@b.", "a@.cn", "a@@b.cn", "a@b@c.cn", "a b@c.cn", "a@b..cn"])
    func malformedEmailsAreRejected(text: String) {
        #expect(throws: ValidationFailure.self) { try EmailAddress(text) }
    }

    @Test func overlongEmailIsALengthViolation() throws {
        let text = String(repeating: "a", count: 250) + "@b.cn"
        let failure = try #require(throws: ValidationFailure.self) { try EmailAddress(text) }
        #expect(failure.violations.map(\.code) == ["length"])
    }

    @Test func validDraftBecomesPersonWithTrimmedName() throws {
        let draft = PersonDetails.Draft(
            name: "  张三明\u{3000}", idNumber: "11010519491231002x", phone: "13812345678", email: "")
        let person = try PersonDetails.validated(draft)
        #expect(person.name == "张三明")
        #expect(person.idNumber.value == "11010519491231002X")
        #expect(person.email == nil)
    }

    @Test func everyViolationIsReportedAtOnceUnderThePrefix() throws {
        let draft = PersonDetails.Draft(name: " ", idNumber: "110105194912310021", phone: "12345", email: "nope")
        let failure = try #require(throws: ValidationFailure.self) { try PersonDetails.validated(draft) }
        #expect(failure.violations.map(\.field) == ["person.name", "person.id_number", "person.phone", "person.email"])
        #expect(failure.violations.map(\.code) == ["required", "checksum", "format", "format"])
    }

    @Test func missingFieldsAreRequired() throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try PersonDetails.validated(.init(), prefix: "holder")
        }
        #expect(failure.violations.map(\.field) == ["holder.name", "holder.id_number", "holder.phone"])
        #expect(failure.violations.allSatisfy { $0.code == "required" })
    }

    @Test(
        arguments: [
            (String(repeating: "张", count: 50), nil),
            (String(repeating: "张", count: 51), "length"),
            (String(repeating: "👨‍👩‍👧", count: 50), nil),  // characters, not bytes or scalars
            ("张\u{0007}三", "charset"),
            ("Zhang San", nil),
        ] as [(String, String?)])
    func namesAreCountedInCharacters(name: String, code: String?) throws {
        let draft = PersonDetails.Draft(name: name, idNumber: "11010519491231002X", phone: "13812345678")
        do {
            _ = try PersonDetails.validated(draft)
            #expect(code == nil)
        } catch {
            #expect(error.violations.map(\.code) == [code].compactMap { $0 })
        }
    }
}
