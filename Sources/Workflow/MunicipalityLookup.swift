import Diagnostics
import Model

/// Finds a municipality in the official register by the name a person typed, and
/// derives the slug of its folder.
public enum MunicipalityLookup {
    /// What a name matched.
    public enum Match: Sendable, Equatable {
        case found(MunicipalityRegister.Entry)
        /// No municipality has that name; these are the closest, best first.
        case unknown(closest: [MunicipalityRegister.Entry])
    }

    /// Matches `name` ignoring case and accents (or an INE code); else the closest names:
    /// first those holding every word typed ("Sant Cugat" → Sant Cugat del Vallès, Sant
    /// Cugat Sesgarrigues; "Hospitalet" → L'Hospitalet de Llobregat), then those a few
    /// letters away ("Cerdanyola del Valés").
    public static func find(_ name: String, in register: MunicipalityRegister, limit: Int = 5) -> Match {
        let typed = name.trimmingCharacters(in: " ")
        if let entry = register.entry(code: typed) { return .found(entry) }
        if let entry = register.entries(named: typed).first { return .found(entry) }
        let folded = Dictionary(register.entries.map { (MunicipalityRegister.fold($0.name), $0) },
                                uniquingKeysWith: { a, _ in a })
        let keys = folded.keys.sorted()
        let typedFolded = MunicipalityRegister.fold(typed)
        let typedWords = words(typedFolded)
        let holding = typedWords.isEmpty ? [] : keys.filter { key in
            let own = Set(words(key))
            return typedWords.allSatisfy(own.contains)
        }
        var names = Array(holding.prefix(limit))
        for near in Suggestions.closest(to: typedFolded, in: keys, limit: limit) where names.count < limit && !names.contains(near) {
            names.append(near)
        }
        return .unknown(closest: names.compactMap { folded[$0] })
    }

    /// The words of a folded name: its runs of letters and digits.
    static func words(_ folded: String) -> [Substring] {
        folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    /// The folder under seeds/ of the municipality a person named: its folder name, its
    /// name (ignoring case and accents) or its INE code, as its office or the official
    /// register gives them. Nil when no folder of the network matches.
    public static func folder(for typed: String, in network: Network) -> String? {
        let typed = typed.trimmingCharacters(in: " ")
        if network.municipalities[typed] != nil { return typed }
        let folded = MunicipalityRegister.fold(typed)
        for slug in network.municipalitySlugs {
            guard let office = network.municipalities[slug]?.office?.root?["municipality"] else { continue }
            if office.string(at: "ine_code") == typed { return slug }
            if let name = office.string(at: "name"), MunicipalityRegister.fold(name) == folded { return slug }
        }
        if let csv = network.tree.references[MunicipalityRegister.fileName],
           case let .found(entry) = find(typed, in: MunicipalityRegister(csv: csv.text)),
           network.municipalities[slug(entry.name)] != nil {
            return slug(entry.name)
        }
        return nil
    }

    /// For a name that matched no folder: `did you mean …?` with the network's folders whose
    /// office name holds every word typed ("Sant Feliu" → sant-feliu-de-llobregat;
    /// "L'Hospitalet" → l-hospitalet-de-llobregat), else the folders a few letters away; nil
    /// when nothing is close.
    public static func didYouMean(_ typed: String, in network: Network, limit: Int = 3) -> String? {
        let typedWords = words(MunicipalityRegister.fold(typed.trimmingCharacters(in: " ")))
        let holding = typedWords.isEmpty ? [] : network.municipalitySlugs.filter { slug in
            let name = network.municipalities[slug]?.office?.root?["municipality"]?.string(at: "name") ?? slug
            let own = Set(words(MunicipalityRegister.fold(name)) + words(slug))
            return typedWords.allSatisfy(own.contains)
        }
        let found = holding.isEmpty ? Suggestions.closest(to: slug(typed), in: network.municipalitySlugs, limit: limit)
                                    : Array(holding.prefix(limit))
        return Suggestions.question(found)
    }

    /// The error of a name that matched no folder (`oae show`, `oae diff`). A municipality
    /// of the register says where it stands: in the expansion plan (its wave and stage), in
    /// the programme's area, or outside it, and how to start its folder. Any other name
    /// gets the folders whose names are close (`didYouMean`), else the register's names.
    public static func noFolder(_ typed: String, in network: Network) -> String {
        let head = "no municipality '\(typed)' under seeds/"
        let folders = didYouMean(typed, in: network)
        guard let register = network.register else { return head + (folders.map { " (\($0))" } ?? "") }
        let entry: MunicipalityRegister.Entry
        // A folder's name, as `oae new municipality` would make it (`sant-joan-despi`: the trial).
        let asFolder = register.entries.first { MunicipalityRegister.slug($0.name) == typed.lowercased() }
        switch asFolder.map(MunicipalityLookup.Match.found) ?? find(typed, in: register) {
        case let .found(found):
            entry = found
        case let .unknown(closest):
            // A folder near what was typed first; else the register's names near it, each of
            // which this then says where it stands (`oae show "L'Hospitalet"`: the review).
            return head + ((folders ?? Suggestions.question(closest.prefix(3).map(\.name))).map { " (\($0))" } ?? "")
        }
        let who = "\(entry.name) (INE code \(entry.ineCode))"
        let start = "`oae new municipality \"\(entry.name)\"` starts its folder"
        if let planned = network.expansionPlan?.entries.first(where: { $0.ineCode == entry.ineCode }) {
            let wave = planned.wave.map { "wave '\($0)'" } ?? "no wave"
            return "\(head): \(who) is in the expansion plan (\(wave), stage '\(planned.stage ?? "candidate")', at \(planned.node.span)) and has no office folder yet; \(start)"
        }
        if entry.metropolitan {
            return "\(head): \(who) is in the programme's area, but neither in the expansion plan nor with an office folder; \(start)"
        }
        return "\(head): \(who) is outside the programme's area, the metropolitan area of Barcelona"
    }

    /// The folder name of a municipality: lower case, accents folded, apostrophes,
    /// spaces and other signs turned into single hyphens ("L'Hospitalet de Llobregat" →
    /// `l-hospitalet-de-llobregat`); the middle dot of "l·l" is dropped.
    public static func slug(_ name: String) -> String { MunicipalityRegister.slug(name) }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
