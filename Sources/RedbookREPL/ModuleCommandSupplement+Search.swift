extension ModuleCommandSupplement {
    /// RediSearch: creating, querying, describing and dropping indexes.
    static let searchCommands: [CommandCatalog.Command] = [
        .init(
            name: "FT.CREATE",
            summary: "Creates a search index over the hashes or JSON documents whose keys have the given prefixes.",
            since: "1.0.0",
            arguments: [.value("index")] + createOptions + [schema]
        ),
        .init(
            name: "FT.SEARCH",
            summary: "Queries an index and returns the matching documents, or only their ids.",
            since: "1.0.0",
            arguments: [.value("index"), .value("query")] + searchOptions
        ),
        .init(
            name: "FT.AGGREGATE",
            summary: "Queries an index, then groups, reduces, sorts and reshapes the matching documents.",
            since: "1.1.0",
            arguments: [.value("index"), .value("query")] + aggregateOptions
        ),
        .init(
            name: "FT.INFO",
            summary: "Describes an index: its definition, its fields and how many documents it holds.",
            since: "1.0.0",
            arguments: [.value("index")]
        ),
        .init(
            name: "FT.DROPINDEX",
            summary: "Deletes an index; with DD the documents it covers are deleted too.",
            since: "2.0.0",
            arguments: [.value("index"), .flag("DD")]
        ),
        .init(name: "FT._LIST", summary: "Lists the names of all indexes.", since: "2.0.0"),
    ]

    private static let createOptions: [CommandCatalog.Argument] = [
        .oneOf("data_type", token: "ON", optional: true, [.word("HASH"), .word("JSON")]),
        .block("prefix", token: "PREFIX", optional: true, [.value("count", .integer), .value("prefix", multiple: true)]),
        .value("filter", token: "FILTER", optional: true),
        .value("default_lang", token: "LANGUAGE", optional: true),
        .value("lang_attribute", token: "LANGUAGE_FIELD", optional: true),
        .value("default_score", .double, token: "SCORE", optional: true),
        .value("score_attribute", token: "SCORE_FIELD", optional: true),
        .value("payload_attribute", token: "PAYLOAD_FIELD", optional: true),
        .flag("MAXTEXTFIELDS"),
        .value("seconds", .integer, token: "TEMPORARY", optional: true),
        .flag("NOOFFSETS"), .flag("NOHL"), .flag("NOFIELDS"), .flag("NOFREQS"),
        .block("stopwords", token: "STOPWORDS", optional: true, [
            .value("count", .integer), .value("stopword", optional: true, multiple: true),
        ]),
        .flag("SKIPINITIALSCAN"),
    ]

    /// `SCHEMA` and its fields; a vector field takes its algorithm and attribute pairs,
    /// such as `VECTOR HNSW 6 TYPE FLOAT32 DIM 384 DISTANCE_METRIC COSINE`.
    private static let schema = CommandCatalog.Argument.block("schema", token: "SCHEMA", [
        .block("field", multiple: true, [
            .value("field_name"),
            .value("alias", token: "AS", optional: true),
            .oneOf("type", [
                .word("TEXT"), .word("TAG"), .word("NUMERIC"), .word("GEO"), .word("GEOSHAPE"),
                .block("vector", token: "VECTOR", [
                    .oneOf("algorithm", [.word("FLAT"), .word("HNSW")]),
                    .value("count", .integer),
                    .block("attributes", multiple: true, [.value("attribute"), .value("value")]),
                ]),
            ]),
            .block("sortable", token: "SORTABLE", optional: true, [.flag("UNF")]),
            .flag("NOINDEX"),
        ]),
    ])

    private static let searchOptions: [CommandCatalog.Argument] = [
        .flag("NOCONTENT"), .flag("VERBATIM"), .flag("NOSTOPWORDS"),
        .flag("WITHSCORES"), .flag("WITHPAYLOADS"), .flag("WITHSORTKEYS"),
        .block("numeric_filter", token: "FILTER", optional: true, multiple: true, multipleToken: true, [
            .value("numeric_field"), .value("min", .double), .value("max", .double),
        ]),
        .block("geo_filter", token: "GEOFILTER", optional: true, multiple: true, multipleToken: true, [
            .value("geo_field"), .value("lon", .double), .value("lat", .double), .value("radius", .double),
            .oneOf("unit", [.word("M"), .word("KM"), .word("MI"), .word("FT")]),
        ]),
        .block("inkeys", token: "INKEYS", optional: true, [.value("count", .integer), .value("key", .key, multiple: true)]),
        .block("infields", token: "INFIELDS", optional: true, [.value("count", .integer), .value("field", multiple: true)]),
        .block("return", token: "RETURN", optional: true, [
            .value("count", .integer),
            .block("identifiers", multiple: true, [.value("identifier"), .value("property", token: "AS", optional: true)]),
        ]),
        .value("slop", .integer, token: "SLOP", optional: true),
        .value("timeout", .integer, token: "TIMEOUT", optional: true),
        .flag("INORDER"),
        .value("language", token: "LANGUAGE", optional: true),
        .value("scorer", token: "SCORER", optional: true),
        .flag("EXPLAINSCORE"),
        .block("sortby", token: "SORTBY", optional: true, [
            .value("sortby"),
            .oneOf("order", optional: true, [.word("ASC"), .word("DESC")]),
            .flag("WITHCOUNT"),
        ]),
        limit,
        params,
        dialect,
    ]

    private static let aggregateOptions: [CommandCatalog.Argument] = [
        .flag("VERBATIM"),
        .block("load", token: "LOAD", optional: true, [.value("count", .integer), .value("field", multiple: true)]),
        .value("timeout", .integer, token: "TIMEOUT", optional: true),
        // GROUPBY repeats too, but writing the repetition out would double an already long hint.
        .block("groupby", token: "GROUPBY", optional: true, [
            .value("nargs", .integer), .value("property", multiple: true),
            .block("reduce", token: "REDUCE", optional: true, multiple: true, multipleToken: true, [
                .value("function"), .value("nargs", .integer),
                .value("arg", optional: true, multiple: true),
                .value("name", token: "AS", optional: true),
            ]),
        ]),
        .block("sortby", token: "SORTBY", optional: true, [
            .value("nargs", .integer),
            .block("order", optional: true, multiple: true, [
                .value("property"),
                .oneOf("direction", optional: true, [.word("ASC"), .word("DESC")]),
            ]),
            .value("num", .integer, token: "MAX", optional: true),
        ]),
        .block("apply", token: "APPLY", optional: true, multiple: true, multipleToken: true, [
            .value("expression"), .value("name", token: "AS"),
        ]),
        limit,
        .value("filter", token: "FILTER", optional: true),
        .block("withcursor", token: "WITHCURSOR", optional: true, [
            .value("read_size", .integer, token: "COUNT", optional: true),
            .value("idle_time", .integer, token: "MAXIDLE", optional: true),
        ]),
        params,
        dialect,
    ]

    private static let limit = CommandCatalog.Argument.block("limit", token: "LIMIT", optional: true, [
        .value("offset", .integer), .value("num", .integer),
    ])

    /// Query parameters, which is how a KNN query receives its vector: `PARAMS 2 vec $blob`.
    private static let params = CommandCatalog.Argument.block("params", token: "PARAMS", optional: true, [
        .value("nargs", .integer),
        .block("parameters", multiple: true, [.value("name"), .value("value")]),
    ])

    private static let dialect = CommandCatalog.Argument.value("dialect", .integer, token: "DIALECT", optional: true)
}
