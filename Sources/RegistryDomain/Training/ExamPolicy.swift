/// How exam attempts are judged (DOMAIN.md "Training, exams, talent pool"; 001 §(七)).
public struct ExamPolicy: Hashable, Sendable {
    /// *Assumption*: the lowest passing score. The default is 60.
    public var passMark: Int
    /// The highest possible score. The default is 100.
    public var maximumScore: Int

    public init(passMark: Int = 60, maximumScore: Int = 100) {
        self.passMark = passMark
        self.maximumScore = maximumScore
    }

    /// A score at or above the pass mark passes.
    public func passes(_ score: Int) -> Bool { score >= passMark }
}

/// An exam attempt (考核): who, when, what score, optionally after which training session.
public struct ExamAttempt: Hashable, Sendable {
    public var personID: Int64
    public var takenOn: CivilDate
    /// A whole number from 0 to the policy's maximum score.
    public var score: Int
    public var sessionID: Int64?

    public init(personID: Int64, takenOn: CivilDate, score: Int, sessionID: Int64? = nil) {
        self.personID = personID
        self.takenOn = takenOn
        self.score = score
        self.sessionID = sessionID
    }

    /// The wire fields as decoded, every one optional.
    public struct Draft: Hashable, Sendable {
        public var personID: Int64?
        public var takenOn: String?
        public var score: Int?
        public var sessionID: Int64?

        public init(personID: Int64? = nil, takenOn: String? = nil, score: Int? = nil, sessionID: Int64? = nil) {
            self.personID = personID
            self.takenOn = takenOn
            self.score = score
            self.sessionID = sessionID
        }
    }

    /// Validates a decoded attempt: `person_id` and `score` required, `score` within 0…maximum (`range`),
    /// `taken_on` a real date not after `today` (`required`, `format`, `range`).
    public static func validated(_ draft: Draft, today: CivilDate, policy: ExamPolicy = .init())
        throws(ValidationFailure) -> ExamAttempt
    {
        var collector = ViolationCollector()
        if draft.personID == nil { collector.add(.required("person_id", "person_id is required")) }
        let takenOn = collector.check { () throws(ValidationFailure) in
            try CivilDate.parsed(draft.takenOn, field: "taken_on", notAfter: today)
        }
        if let score = draft.score {
            if !(0...policy.maximumScore).contains(score) {
                collector.add("score", "range", "a score lies from 0 to \(policy.maximumScore)")
            }
        } else {
            collector.add(.required("score", "score is required"))
        }
        try collector.throwIfAny()
        guard let personID = draft.personID, let takenOn, let score = draft.score else {
            throw ValidationFailure(collector.violations)
        }
        return ExamAttempt(personID: personID, takenOn: takenOn, score: score, sessionID: draft.sessionID)
    }

    /// Whether the attempt passes under `policy`.
    public func passed(under policy: ExamPolicy = .init()) -> Bool { policy.passes(score) }

    /// The certificate a pass issues, numbered `number`, issued on the exam date and valid for
    /// `certificatePolicy.validityYears`; nil for a fail.
    ///
    /// Decision: the certificate is issued on `taken_on` (the day the pass was earned), so that back-filled
    /// results date their certificates correctly.
    public func certificate(
        numbered number: CertificateNumber, policy: ExamPolicy = .init(), certificatePolicy: CertificatePolicy = .init()
    ) -> Certificate? {
        guard passed(under: policy) else { return nil }
        return .issued(number: number, personID: personID, on: takenOn, policy: certificatePolicy)
    }
}
