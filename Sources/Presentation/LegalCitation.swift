/// How a legal reference (`ref`, `title`, `url` of `legal-reference` in
/// `model/schema/common.schema.yaml`) reads in the outputs: its official title in the
/// reader's language, which already starts with the norm's designation ("Llei 14/2013, de
/// 27 de setembre, …"), followed by the reference's pinpoint when the reference cites part
/// of the norm; the reference alone only when there is no title. Printing "{ref}: {title}"
/// repeated the designation, in another language on most pages ("Ley 14/2013: Llei
/// 14/2013, …"; the language review of session 13, no. 7).
public enum LegalCitation {
    /// The part of a reference after the norm's designation, from its first comma:
    /// "art. 47-53" for "Llei 40/2015, art. 47-53"; nil for "Ley 14/2013" (the whole norm).
    /// Shown after the title ("…del sector públic (convenis), art. 47-53") so that a
    /// citation of some articles keeps them.
    public static func pinpoint(_ ref: String) -> String? {
        guard let comma = ref.firstIndex(of: ",") else { return nil }
        let rest = ref[ref.index(after: comma)...].drop { $0 == " " }
        return rest.isEmpty ? nil : String(rest)
    }
}
