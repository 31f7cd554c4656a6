"""Runs the Redis vector-database quick start in Python and prints its three result tables.

This is the whole tutorial as one process (redis-py, sentence-transformers, pandas, tabulate),
so the time and memory of the Python original can be measured from outside, imports and
teardown included, and its tables compared with Redbook's. Steps: store the bikes as JSON with
a pipeline, embed their descriptions, write the embeddings back, create the index, wait for it,
then run the KNN, hybrid and range queries. See README.md beside this file.

Only the tutorial's own keys are touched: the index idx:bikes_vss and keys matching bikes:* are
deleted first, so a shared server is never flushed.
"""

import argparse
import os
import resource
import sys
import time

STARTED = time.perf_counter()

INDEX_NAME = "idx:bikes_vss"
KEY_PREFIX = "bikes:"
QUERIES = [
    "Bike for small kids",
    "Best Mountain bikes for kids",
    "Cheap Mountain bike for kids",
    "Female specific mountain bike",
    "Road bike for beginners",
    "Commuter bike for people over 60",
    "Comfortable commuter bike",
    "Good bike for college students",
    "Mountain bike for beginners",
    "Vintage bike",
    "Comfortable city bike",
]
KNN_QUERY = "(*)=>[KNN 3 @vector $query_vector AS vector_score]"
HYBRID_QUERY = "(@brand:Peaknetic)=>[KNN 3 @vector $query_vector AS vector_score]"
RANGE_QUERY = "@vector:[VECTOR_RANGE $range $query_vector]=>{$YIELD_DISTANCE_AS: vector_score}"


def parse_arguments():
    home = os.environ.get("REDBOOK_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "redbook")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379",
                        help="server with the Search and JSON modules (default: $REDIS_URL, else %(default)s)")
    parser.add_argument("--data", default="notebooks/data/bikes.json",
                        help="JSON array of bikes (default: %(default)s)")
    parser.add_argument("--model", default=os.path.join(home, "models", "all-MiniLM-L6-v2"),
                        help="sentence-transformers model folder (default: %(default)s)")
    parser.add_argument("--timings", action="store_true",
                        help="print each phase's time and the peak RSS to standard error")
    return parser.parse_args()


def main():
    args = parse_arguments()
    # The model is read from its folder; nothing may be fetched, so a missing file fails loudly.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    phases = []

    def phase(name, since):
        now = time.perf_counter()
        phases.append((name, now - since))
        return now

    mark = time.perf_counter()
    import json

    import numpy as np
    import pandas as pd
    import redis
    from redis.commands.search.query import Query
    from sentence_transformers import SentenceTransformer
    mark = phase("imports", mark)

    client = redis.Redis.from_url(args.redis, decode_responses=True)
    # Start from nothing the tutorial made before, without flushing anyone else's data.
    try:
        client.ft(INDEX_NAME).dropindex(delete_documents=False)
    except redis.ResponseError:
        pass
    stale = list(client.scan_iter(match=KEY_PREFIX + "*", count=1000))
    if stale:
        client.delete(*stale)

    with open(args.data, encoding="utf-8") as handle:
        bikes = json.load(handle)
    # One pipeline for every document: one round trip instead of one per bike.
    pipeline = client.pipeline()
    for number, bike in enumerate(bikes, start=1):
        pipeline.json().set(f"{KEY_PREFIX}{number:03}", "$", bike)
    pipeline.execute()
    mark = phase("store", mark)

    embedder = SentenceTransformer(args.model, device="cpu")
    mark = phase("model", mark)

    # As the tutorial does: read the descriptions back from Redis, in key order, and embed them in one call.
    keys = sorted(client.keys(KEY_PREFIX + "*"))
    descriptions = [item for found in client.json().mget(keys, "$.description") for item in found]
    embeddings = embedder.encode(descriptions).astype(np.float32).tolist()
    pipeline = client.pipeline()
    for key, embedding in zip(keys, embeddings):
        pipeline.json().set(key, "$.description_embeddings", embedding)
    pipeline.execute()
    mark = phase("embed documents", mark)

    # The attribute names (AS model, AS brand, ...) are the ones the tutorial's Python schema gives,
    # which RETURN and the hybrid query's @brand filter refer to.
    client.execute_command(
        "FT.CREATE", INDEX_NAME, "ON", "JSON", "PREFIX", "1", KEY_PREFIX, "SCORE", "1.0", "SCHEMA",
        "$.model", "AS", "model", "TEXT", "WEIGHT", "1.0", "NOSTEM",
        "$.brand", "AS", "brand", "TEXT", "WEIGHT", "1.0", "NOSTEM",
        "$.price", "AS", "price", "NUMERIC",
        "$.type", "AS", "type", "TAG", "SEPARATOR", ",",
        "$.description", "AS", "description", "TEXT", "WEIGHT", "1.0",
        "$.description_embeddings", "AS", "vector", "VECTOR", "FLAT", "6",
        "TYPE", "FLOAT32", "DIM", str(embedder.get_embedding_dimension()), "DISTANCE_METRIC", "COSINE",
    )
    # Indexing existing keys runs in the background; a search before it ends would miss bikes.
    deadline = time.monotonic() + 30
    while True:
        info = client.ft(INDEX_NAME).info()
        if str(info.get("indexing")) == "0" and float(info.get("percent_indexed", 0)) >= 1:
            break
        if time.monotonic() > deadline:
            sys.exit(f"error: {INDEX_NAME} still indexing after 30 s (percent_indexed {info.get('percent_indexed')})")
        time.sleep(0.01)
    mark = phase("index", mark)

    encoded_queries = embedder.encode(QUERIES)

    def query_table(query, queries, vectors, extra_params=None):
        """The tutorial's create_query_table: one row per match, then pandas does the layout."""
        rows = []
        for text, vector in zip(queries, vectors):
            params = {"query_vector": np.array(vector, dtype=np.float32).tobytes()} | (extra_params or {})
            for doc in client.ft(INDEX_NAME).search(query, params).docs:
                rows.append({
                    "query": text,
                    "score": round(1 - float(doc.vector_score), 2),
                    "id": doc.id,
                    "brand": doc.brand,
                    "model": doc.model,
                    "description": doc.description,
                })
        table = pd.DataFrame(rows)
        # Multi-column sorts are stable: equal rounded scores keep the server's order.
        table = table.sort_values(by=["query", "score"], ascending=[True, False], kind="stable")
        table["query"] = table.groupby("query")["query"].transform(lambda x: [x.iloc[0]] + [""] * (len(x) - 1))
        table["description"] = table["description"].apply(lambda x: (x[:497] + "...") if len(x) > 500 else x)
        return table.to_markdown(index=False)

    def template(text):
        return (Query(text).sort_by("vector_score")
                .return_fields("vector_score", "id", "brand", "model", "description").dialect(2))

    sections = [
        (f"KNN: `{KNN_QUERY}`, all {len(QUERIES)} queries",
         query_table(template(KNN_QUERY), QUERIES, encoded_queries)),
        (f"Hybrid: `{HYBRID_QUERY}`, all {len(QUERIES)} queries",
         query_table(template(HYBRID_QUERY), QUERIES, encoded_queries)),
        (f"Range: `{RANGE_QUERY}`, range 0.55, LIMIT 0 4, first query only",
         query_table(template(RANGE_QUERY).paging(0, 4), QUERIES[:1], encoded_queries[:1], {"range": 0.55})),
    ]
    mark = phase("queries", mark)
    # The same headings as the reference tables, so the two files can be compared with diff.
    print("\n\n".join(f"## {title}\n\n{table}" for title, table in sections))
    client.close()

    if args.timings:
        phase("total", STARTED)
        for name, seconds in phases:
            print(f"{name:<16}{seconds * 1000:8.0f} ms", file=sys.stderr)
        print(f"{'peak RSS':<16}{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
