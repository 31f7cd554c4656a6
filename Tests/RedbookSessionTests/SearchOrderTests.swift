@testable import RedbookSession
import Testing

/// What the session adds to an FT.SEARCH to learn the value its rows are ranked by.
@Suite struct SearchOrderTests {
    private func planned(_ words: String...) -> ([String], SearchOrder) {
        let (arguments, order) = SearchOrder.planned(for: words.map { Array($0.utf8) })
        return (arguments.map { String(decoding: $0, as: UTF8.self) }, order)
    }

    @Test func textQueriesGetHiddenScores() {
        let (sent, order) = planned("FT.SEARCH", "idx", "hello", "RETURN", "1", "WITHSCORES")
        #expect(sent == ["FT.SEARCH", "idx", "hello", "RETURN", "1", "WITHSCORES", "WITHSCORES"])
        #expect(order.rank == .score && order.hidesScores)
        let (asked, kept) = planned("FT.SEARCH", "idx", "hello", "WITHSCORES")
        #expect(asked == ["FT.SEARCH", "idx", "hello", "WITHSCORES"])
        #expect(kept.rank == .score && !kept.addsArguments)
    }

    @Test func sortByGetsHiddenSortKeys() {
        let (sent, order) = planned("FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "SORTBY", "price", "DESC")
        #expect(sent.last == "WITHSORTKEYS")
        #expect(order.rank == .sortKey && order.hidesSortKeys && !order.hidesScores)
    }

    @Test func knnDistanceIsAddedToReturnWhenLeftOut() {
        let (sent, order) = planned("FT.SEARCH", "idx", "*=>[KNN 3 @v $q AS dist]", "RETURN", "2", "a", "b", "DIALECT", "2")
        #expect(sent == ["FT.SEARCH", "idx", "*=>[KNN 3 @v $q AS dist]", "RETURN", "3", "a", "b", "dist", "DIALECT", "2"])
        #expect(order.rank == .distance("dist") && order.hiddenField == "dist")

        let (returned, shown) = planned("FT.SEARCH", "idx", "*=>[KNN 3 @v $q AS dist]", "RETURN", "1", "dist")
        #expect(returned.count == 6 && shown.hiddenField == nil)
        let (everything, all) = planned("FT.SEARCH", "idx", "*=>[KNN 3 @v $q]")
        #expect(everything.count == 3 && all.rank == .distance("__v_score") && !all.addsArguments)
    }

    @Test func keysOnlyBecomesTheDistanceAlone() {
        #expect(planned("FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "NOCONTENT", "DIALECT", "2").0
            == ["FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "DIALECT", "2", "RETURN", "1", "__v_score"])
        #expect(planned("FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "RETURN", "0").0
            == ["FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "RETURN", "1", "__v_score"])
        #expect(planned("FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "RETURN", "0", "NOCONTENT").0
            == ["FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "RETURN", "1", "__v_score"])
        #expect(planned("FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "NOCONTENT", "RETURN", "0").0
            == ["FT.SEARCH", "idx", "*=>[KNN 3 @v $q]", "RETURN", "1", "__v_score"])
    }

    @Test func rangesRankByTheirYieldedDistanceOrElseByScore() {
        let yielded = planned("FT.SEARCH", "idx", "@v:[VECTOR_RANGE 0.2 $q]=>{$YIELD_DISTANCE_AS: d}", "RETURN", "1", "name")
        #expect(yielded.0.suffix(4) == ["RETURN", "2", "name", "d"])
        #expect(yielded.1.rank == .distance("d"))
        let bare = planned("FT.SEARCH", "idx", "@v:[VECTOR_RANGE 0.2 $q]")
        #expect(bare.1.rank == .score && bare.1.hidesScores)
    }

    @Test func vectorQueryNames() {
        let parse = { (text: String) in VectorQuery(Array(text.utf8)) }
        #expect(parse("*=>[KNN 10 @embedding $B EF_RUNTIME 20 AS score_1]").knnDistanceField == "score_1")
        #expect(parse("(@t:{a})=>[ KNN $k @vec $B ]=>{ $yield_distance_as : near; }").knnDistanceField == "near")
        #expect(parse("*=>[KNN 10 @embedding $B]").knnDistanceField == "__embedding_score")
        let range = parse("@v:[VECTOR_RANGE 0.2 $q]=>{$EPSILON: 0.5; $YIELD_DISTANCE_AS: gap}")
        #expect(range.hasRange && !range.hasKNN && range.rangeDistanceField == "gap" && range.distanceFields == ["gap"])
        #expect(!parse("@price:[1 2] knnight").isVectorQuery)
    }
}
