/// The fixed texts that scaffolding writes, in Catalan, Spanish and English. Files are
/// written in the model's languages only; a model language without a phrase here is
/// left out, and `oae check` lists it as a missing translation.
enum Phrases {
    /// The office's name, with the preposition each language needs before the
    /// municipality's name ("d'Abrera", "del Prat de Llobregat", "de l'Hospitalet").
    static func officeName(_ municipality: String) -> [String: String] {
        [
            "ca": "Oficina d'Atenció a l'Empresa " + catalanOf(municipality),
            "es": "Oficina de Atención a la Empresa " + spanishOf(municipality),
            "en": municipality + " Business Support Office",
        ]
    }

    /// "de" + name with the Catalan contractions of articles and elision before vowels.
    static func catalanOf(_ name: String) -> String {
        let articles: [(String, String)] = [("El ", "del "), ("Els ", "dels "), ("La ", "de la "), ("Les ", "de les "),
                                            ("L'", "de l'"), ("L’", "de l’")]
        for (article, replacement) in articles where name.hasPrefix(article) {
            return replacement + name.dropFirst(article.count)
        }
        let folded = name.lowercased().unicodeScalars.first.map { String($0) } ?? ""
        let second = name.lowercased().unicodeScalars.dropFirst().first.map { String($0) } ?? ""
        let vowels = Set(["a", "e", "i", "o", "u", "à", "è", "é", "í", "ò", "ó", "ú"])
        // Elision before a vowel or a mute h followed by a vowel ("d'Horta").
        if vowels.contains(folded) || (folded == "h" && vowels.contains(second)) { return "d'" + name }
        return "de " + name
    }

    /// "de" + name, with "El" contracted to "del" as Spanish texts write Catalan names.
    static func spanishOf(_ name: String) -> String {
        if name.hasPrefix("El ") { return "del " + name.dropFirst(3) }
        return "de " + name
    }

    /// The title of the communication action that presents the office to an audience.
    static func presentingTo(_ audience: [String: String]) -> [String: String] {
        let prefix = ["ca": "Presentació de l'oficina a ", "es": "Presentación de la oficina a ", "en": "Presenting the office to "]
        var out: [String: String] = [:]
        for (lang, p) in prefix {
            if let name = audience[lang] { out[lang] = p + lowercasedFirst(name, lang) }
        }
        return out
    }

    static func lowercasedFirst(_ s: String, _ lang: String) -> String {
        guard let first = s.first, s.count > 1 else { return s }
        // Keep acronyms as they are ("PIMES").
        let secondIsUpper = s.dropFirst().first?.isUppercase ?? false
        return secondIsUpper ? s : first.lowercased() + s.dropFirst()
    }

    static let communicationObjective = [
        "ca": "Donar a conèixer l'oficina a cada públic prioritari de l'estratègia abans de l'obertura.",
        "es": "Dar a conocer la oficina a cada público prioritario de la estrategia antes de la apertura.",
        "en": "Make the office known to every priority audience of the strategy before it opens.",
    ]

    // Drafting texts of a new model document: they say plainly that the text is still to
    // be written, so that nothing unfinished passes for real content.

    static let serviceName = ["ca": "Servei en redacció", "es": "Servicio en redacción", "en": "Service being drafted"]
    static let serviceSummary = [
        "ca": "Fitxa en redacció: el resum del servei encara s'ha d'escriure.",
        "es": "Ficha en redacción: el resumen del servicio aún está por escribir.",
        "en": "Sheet being drafted: the summary of the service is still to be written.",
    ]
    static let serviceOutput = [
        "ca": "Per definir: què s'emporta la persona quan fa servir el servei.",
        "es": "Por definir: qué se lleva la persona cuando utiliza el servicio.",
        "en": "To be defined: what the person takes away from the service.",
    ]
    static let competentAuthority = [
        "ca": "Ajuntament del municipi", "es": "Ayuntamiento del municipio", "en": "The municipal council (Ajuntament)",
    ]
    static let operatorOffice = [
        "ca": "Oficina d'Atenció a l'Empresa (OAE) del municipi",
        "es": "Oficina de Atención a la Empresa (OAE) del municipio",
        "en": "The municipal business support office (Oficina d'Atenció a l'Empresa, OAE)",
    ]
    static let procedureTitle = ["ca": "Procediment en redacció", "es": "Procedimiento en redacción", "en": "Procedure being drafted"]
    static let procedurePurpose = [
        "ca": "Per definir: per a què serveix el procediment.",
        "es": "Por definir: para qué sirve el procedimiento.",
        "en": "To be defined: what the procedure is for.",
    ]
    static let procedureTrigger = [
        "ca": "Per definir: quin fet inicia el procediment.",
        "es": "Por definir: qué hecho inicia el procedimiento.",
        "en": "To be defined: the event that starts the procedure.",
    ]
    static let procedureEscalation = [
        "ca": "Per definir: què cal fer, i a qui cal adreçar-se, quan el procediment no es pot completar com està previst.",
        "es": "Por definir: qué hay que hacer, y a quién dirigirse, cuando el procedimiento no se puede completar como está previsto.",
        "en": "To be defined: what to do, and whom to turn to, when the procedure cannot be completed as planned.",
    ]
    static let stepAction = [
        "ca": "Per definir: què es fa en aquest pas.",
        "es": "Por definir: qué se hace en este paso.",
        "en": "To be defined: what is done in this step.",
    ]
    static let stepOutput = [
        "ca": "Per definir: què produeix aquest pas.",
        "es": "Por definir: qué produce este paso.",
        "en": "To be defined: what this step produces.",
    ]
}
