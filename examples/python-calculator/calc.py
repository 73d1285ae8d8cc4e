#!/usr/bin/env python3
"""A team's own evaluation script, run by the action once per checkpoint:

    eval-command: python3 examples/python-calculator/calc.py --step {step}

It scores a checkpoint from its step with the same 15 formulas as the action's built-in suite
and prints the scores as one JSON object on its last line, which is all the action needs.
Rounding is Python's own round(v, 3), so the numbers match the built-in suite exactly.
"""
import argparse
import json
import math


def saturating(x, k):
    return x / (x + k)


FORMULAS = {
    "math_reasoning": (lambda x: 0.3 + 0.5 * (1 - 1 / (1 + 0.1 * x)), 0.95),
    "logical_reasoning": (lambda x: 0.2 + 0.65 * (1 / (1 + math.exp(-0.5 * (x - 4)))), 0.93),
    "common_sense": (lambda x: 0.45 + 0.4 * saturating(x, 4), 0.87),
    "reading_comprehension": (lambda x: 0.4 + 0.45 * (1 - 1 / (1 + 0.2 * x)), 0.86),
    "question_answering": (lambda x: 0.35 + 0.5 * (math.sqrt(x) / (math.sqrt(x) + 3)), 0.91),
    "text_classification": (lambda x: 0.4 + 0.45 * (1 - math.exp(-0.3 * x)), 0.88),
    "sentiment_analysis": (lambda x: 0.5 + 0.35 * saturating(x, 2), 0.89),
    "code_generation": (lambda x: 0.25 + 0.6 * saturating(x, 5), 0.92),
    "creative_writing": (lambda x: 0.25 + 0.6 * (1 - 1 / (1 + 0.15 * x)), 0.91),
    "dialogue_generation": (lambda x: 0.3 + 0.55 * (x ** 0.7 / (x ** 0.7 + 3)), 0.90),
    "summarization": (lambda x: 0.35 + 0.5 * (1 - 2 / (x + 2)), 0.89),
    "translation": (lambda x: 0.5 + 0.35 * saturating(x, 1.5), 0.88),
    "knowledge_retrieval": (lambda x: 0.4 + 0.45 * (x ** 0.6 / (x ** 0.6 + 2.5)), 0.87),
    "instruction_following": (lambda x: 0.45 + 0.4 * saturating(x, 3), 0.88),
    "safety_evaluation": (lambda x: 0.6 + 0.25 * saturating(x, 8), 0.86),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, required=True)
    args = parser.parse_args()
    if args.step <= 0:
        raise SystemExit(f"step {args.step} is not a positive integer: nothing to score")
    x = args.step / 100
    scores = {name: round(min(raw(x), cap), 3) for name, (raw, cap) in FORMULAS.items()}
    print(f"step {args.step}: {len(scores)} benchmarks")
    print(json.dumps(scores))


if __name__ == "__main__":
    main()
