"""Measures sentence-transformers (PyTorch, CPU) on the corpus `redbook bench encode` uses.

Prints the same figures as `redbook bench encode`: sentences/s and tokens/s over the corpus
(best of --runs), the median latency of one short query, and peak RSS, so the two can be
compared in one sitting on the same machine. See README.md beside this file.
"""

import argparse
import os
import resource
import statistics
import sys
import time


def generated_corpus(count):
    """The corpus `redbook bench encode` generates when given no --corpus (same generator, same seed)."""
    openings = [
        "This lightweight trail bike", "Our city commuter", "The folding e-bike", "A sturdy kids' bike",
        "This carbon road racer", "The gravel explorer", "An upright Dutch-style cruiser", "The full-suspension enduro rig",
    ]
    middles = [
        "climbs steep forest paths without fuss", "rolls on puncture-resistant 700c tyres",
        "has a 500 Wh battery that lasts about 80 km", "comes with mudguards, a rack and dynamo lights",
        "uses a 1x12 drivetrain with a wide-range cassette", "weighs just 7.9 kg in size medium",
        "fits riders from 120 to 145 cm tall", "stops cleanly thanks to four-piston hydraulic brakes",
    ]
    endings = [
        "and is ideal for weekend adventures.", "so your daily ride stays dry and comfortable.",
        "while the relaxed geometry keeps your back happy on long days.",
        "and the frame carries a lifetime warranty against defects.",
        "which makes it a favourite with first-time riders and their parents.",
        "and it folds in under ten seconds to fit under a desk or on a crowded train.",
    ]
    state = 0x5EEDB1CE

    def pick(options):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return options[(state >> 33) % len(options)]

    sentences = []
    for _ in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        parts = 1 + (state >> 33) % 3
        sentences.append(" ".join(f"{pick(openings)} {pick(middles)} {pick(endings)}" for _ in range(parts)))
    return sentences


def main():
    home = os.environ.get("REDBOOK_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "redbook")
    default_model = os.environ.get("REDBOOK_MODEL") or os.path.join(home, "models", "all-MiniLM-L6-v2")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="text file, one sentence per line; default: the generated corpus")
    parser.add_argument("--model", default=default_model, help="model folder (default: %(default)s)")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    started = time.perf_counter()
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(args.threads)
    model = SentenceTransformer(args.model, device="cpu")
    load_seconds = time.perf_counter() - started

    if args.corpus:
        with open(args.corpus, encoding="utf-8") as handle:
            sentences = [line.rstrip("\n") for line in handle if line.strip()]
        source = args.corpus
    else:
        sentences = generated_corpus(2000)
        source = f"generated ({len(sentences)} bike sentences)"
    tokens = sum(len(ids) for ids in model.tokenizer(sentences, truncation=True,
                                                      max_length=model.max_seq_length)["input_ids"])

    model.encode(sentences[: 2 * args.batch], batch_size=args.batch)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        model.encode(sentences, batch_size=args.batch)
        times.append(time.perf_counter() - start)
    best = min(times)

    query = "Bike for small kids"
    for _ in range(20):
        model.encode([query])
    latencies = []
    for _ in range(args.queries):
        start = time.perf_counter()
        model.encode([query])
        latencies.append(time.perf_counter() - start)
    latencies.sort()

    import sentence_transformers
    print(f"library        sentence-transformers {sentence_transformers.__version__}, torch {torch.__version__}, {args.threads} threads")
    print(f"corpus         {source}")
    print(f"sentences      {len(sentences)}, {tokens} tokens (mean {tokens / len(sentences):.1f})")
    print(f"load           {load_seconds * 1000:.0f} ms (imports included)")
    print("runs           " + ", ".join(f"{t:.3f} s" for t in times))
    print(f"sentences/s    {len(sentences) / best:.1f}")
    print(f"tokens/s       {tokens / best:.0f}")
    print(f"query latency  median {statistics.median(latencies) * 1000:.2f} ms, "
          f"p90 {latencies[len(latencies) * 9 // 10] * 1000:.2f} ms (\"{query}\", {args.queries} runs)")
    print(f"peak RSS       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
