/// A role a word plays in a set of rules (`TemporalGrammar.Role`, `TenseCue.Role`,
/// `ArgumentFinder.Role`): the rules name roles, and a `WordRoles` table says which words play them.
protocol WordRole: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// What the table gives a word of this role besides the role.
    var value: WordRoleValue { get }
}

/// What the third column of a word-role table holds.
enum WordRoleValue: Sendable {
    /// Nothing: the role is a class of words ("the" is a definite article).
    case none
    /// A whole number ("yesterday" is a day back).
    case integer
    /// A code of the annotation scheme ("the past" is TIMEX3 `PAST_REF`).
    case code
}
