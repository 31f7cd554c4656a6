import RedbookRedis
import RedbookSession
import RedbookTestSupport
import Testing

/// Search, index and JSON rendering over small bike documents, compared with golden files.
@Suite struct GoldenRenderingTests {
    @Test func jsonDocumentsSearchAndInfo() throws {
        let p = GoldenFile.prefix()
        let session = Session(connection: try TestRedis.connection())
        let blocks = [
            """
            FT.CREATE \(p)idx ON JSON PREFIX 1 \(p)bike:
              SCHEMA
                $.brand AS brand TEXT
                $.model AS model TEXT
                $.price AS price NUMERIC SORTABLE
                $.type AS type TAG
                $.description AS description TEXT
            """,
            """
            JSON.SET \(p)bike:1 $ '{"brand":"Quillback","model":"Sprout","price":219,"type":"Kids","description":"A light balance bike with a low frame for first rides."}'
            JSON.SET \(p)bike:2 $ '{"brand":"Ferrovia","model":"Ridgeback 29","price":1480,"type":"Mountain","description":"Full suspension trail bike | 29 inch wheels, 12 gears."}'
            JSON.SET \(p)bike:3 $ '{"brand":"Ferrovia","model":"Tarmac Lite","price":2100,"type":"Road","description":"Carbon road bike, light and fast."}'
            JSON.SET \(p)bike:4 $ '{"brand":"Lumo","model":"Città","price":640,"type":"City","description":"Upright city bike with fenders, a rack and a bell’s ring."}'
            """,
            "JSON.GET \(p)bike:4 $.model $.price $.type",
            "JSON.MGET \(p)bike:1 \(p)bike:9 $.price",
            "FT.SEARCH \(p)idx '@price:[500 1500]' RETURN 2 brand price SORTBY price",
            "FT.SEARCH \(p)idx '*' SORTBY price DESC LIMIT 0 2",
            "FT.SEARCH \(p)idx '@type:{Road}' NOCONTENT",
            "FT.SEARCH \(p)idx 'light' WITHSCORES SCORER BM25STD RETURN 1 model",
            "FT.SEARCH \(p)idx '@brand:nothing'",
            "FT.AGGREGATE \(p)idx '*' GROUPBY 1 @brand REDUCE COUNT 0 AS bikes SORTBY 2 @brand ASC",
            "FT.INFO \(p)idx",
        ]
        try GoldenFile.check("json-search.md", blocks: blocks, prefix: p, session: session)
    }

    @Test func hashVectorsSearchAndInfo() throws {
        let p = GoldenFile.prefix()
        let session = Session(connection: try TestRedis.connection())
        // Four-component FLOAT32 vectors written byte by byte, little-endian:
        // h:3's vector is 16 printable bytes: only the index says it is a vector.
        // 1.0 = \x00\x00\x80\x3f, 0.5 = \x00\x00\x00\x3f, -0.25 = \x00\x00\x80\xbe, 0 = \x00\x00\x00\x00.
        let one = #"\x00\x00\x80\x3f"#, half = #"\x00\x00\x00\x3f"#, minus = #"\x00\x00\x80\xbe"#, zero = #"\x00\x00\x00\x00"#
        let blocks = [
            """
            FT.CREATE \(p)vec ON HASH PREFIX 1 \(p)h:
              SCHEMA
                name TEXT SORTABLE
                tag TAG SEPARATOR ;
                embedding VECTOR HNSW 6 TYPE FLOAT32 DIM 4 DISTANCE_METRIC COSINE
            """,
            """
            HSET \(p)h:1 name "city cruiser" tag "city;comfort" embedding "\(one)\(zero)\(zero)\(zero)"
            HSET \(p)h:2 name "trail climber" tag "mountain" embedding "\(half)\(one)\(minus)\(zero)"
            HSET \(p)h:3 name "printable" tag "odd" embedding "abcdabcdabcdabcd"
            """,
            "FT.SEARCH \(p)vec '*' SORTBY name",
            """
            FT.SEARCH \(p)vec '*=>[KNN 2 @embedding $q]'
              PARAMS 2 q "\(one)\(half)\(zero)\(zero)"
              RETURN 2 name __embedding_score
              SORTBY __embedding_score
              DIALECT 2
            """,
            "HGET \(p)h:1 embedding",
            "FT.INFO \(p)vec",
        ]
        try GoldenFile.check("hash-vectors.md", blocks: blocks, prefix: p, session: session)
    }
}
