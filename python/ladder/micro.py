"""What one crossing into each rung costs: micro-benchmarks of the talk's classes, CPU time per
call less the bare loop's, median of several loops (CPU time: a loaded machine stretches wall
time, not the work)."""

import statistics
import time
import timeit

# name -> (statement, what it shows); a, b are Vecs, s a Sphere, line a Line that hits it.
BENCHMARKS = {
    "constructor": ("Vec(1.0, 2.0, 3.0)", "one object created from Python"),
    "method": ("a.len()", "one method call returning a float"),
    "dot": ("a * b", "one operator call returning a float (the dot product)"),
    "sub": ("a - b", "one operator call that creates a Vec"),
    "intersect": ("s.intersect(line)", "Sphere.intersect of a hit: the native-objects work"),
}
SETUP = ("a = Vec(1.0, 2.0, 3.0); b = Vec(0.5, -1.0, 2.0); s = Sphere(Vec(4.0, 3.0, 10.0), 2.0); "
         "line = Line(Vec(4.0, 3.0, 0.0), Vec(0.0, 0.0, 1.0))")


def ns_per_call(statement, names, calls, loops):
    timer = timeit.Timer(statement, SETUP, timer=time.process_time, globals=names)
    return statistics.median(t * 1e9 / calls for t in timer.repeat(loops, calls))


def call_costs(vec, sphere, line, calls=200_000, loops=5):
    """{benchmark: ns per call} for one set of classes, plus the bare loop's own ns."""
    names = {"Vec": vec, "Sphere": sphere, "Line": line}
    empty = ns_per_call("pass", names, calls, loops)
    costs = {name: ns_per_call(stmt, names, calls, loops) - empty for name, (stmt, _) in BENCHMARKS.items()}
    costs["empty_loop"] = empty
    return costs
