"""rtcli.render's arguments and control: scene paths, out= without a frame of its own, progress
per band, Ctrl-C, errors that name the argument, thread limits, several callers at once."""

import os
import pathlib
import subprocess
import sys
import textwrap
import threading

import helpers
import numpy
import pytest

pytestmark = pytest.mark.skipif(helpers.MODULE_DIR == "", reason=helpers.MODULE_SKIP)
SEED_PROFILE = os.path.join(helpers.ROOT, "profiles", "seed.json")
SHOWCASE = os.path.join(helpers.ROOT, "profiles", "showcase.json")


@pytest.fixture(scope="module")
def rtcli():
    return helpers.import_rtcli()


def run_python(code, preexec_fn=None):
    """Runs code in a fresh interpreter with the built package on its path."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=False, capture_output=True, text=True,
                          env=helpers.module_env(), cwd=helpers.ROOT, timeout=600, preexec_fn=preexec_fn)


def test_a_positional_path_str_or_pathlike_loads_the_scene(rtcli, monkeypatch):
    monkeypatch.chdir(helpers.ROOT)
    seed = rtcli.render(size=(80, 60)).tobytes()
    assert rtcli.render("profiles/seed.json", (80, 60)).tobytes() == seed
    assert rtcli.render(pathlib.Path("profiles/seed.json"), (80, 60)).tobytes() == seed
    showcase = rtcli.render(rtcli.load_scene(SHOWCASE), (80, 60)).tobytes()
    assert rtcli.render(pathlib.Path(SHOWCASE), size=(80, 60)).tobytes() == showcase != seed


def test_out_is_filled_and_returned(rtcli):
    expected = rtcli.render(SHOWCASE, (97, 61))
    out = numpy.full((61, 97, 3), 7, numpy.uint8)
    assert rtcli.render(SHOWCASE, (97, 61), out=out) is out
    assert numpy.array_equal(out, expected)


def test_out_takes_no_frame_of_its_own():
    # Peak resident memory grows by less than half a frame: a frame allocated and copied per call
    # would grow it by a whole one (36 MB here).
    done = run_python("""
        import resource, numpy, rtcli
        out = numpy.ones((3000, 4000, 3), numpy.uint8)  # every page touched
        rtcli.render(size=(8, 6))  # worker threads and the seed's scene, made before measuring
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rtcli.render(size=(4000, 3000), out=out)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before, int(out[1500, 2000, 0]))
    """)
    assert done.returncode == 0, done.stderr
    grew_kib, red = map(int, done.stdout.split())
    assert red > 30  # the sphere's middle was rendered into out
    assert grew_kib < 36_000_000 / 1024 / 2


def test_progress_sees_every_band_in_order_on_the_calling_thread(rtcli):
    calls = []
    caller = threading.get_ident()

    def progress(done, total):
        assert threading.get_ident() == caller
        calls.append((done, total))

    rtcli.render(SHOWCASE, (97, 61), threads=2, tile=(7, 5), progress=progress)
    assert calls == [(r, 61) for r in [*range(5, 61, 5), 61]]
    calls.clear()
    rtcli.render(size=(800, 600), progress=progress)  # default bands: 16 full rows
    assert calls == [(r, 600) for r in [*range(16, 600, 16), 600]]


def test_an_exception_in_progress_stops_the_render_and_leaves_out_black(rtcli):
    class Stop(Exception):
        pass

    calls = []

    def progress(done, total):
        calls.append(done)
        raise Stop(done)

    out = numpy.full((600, 800, 3), 7, numpy.uint8)
    with pytest.raises(Stop):
        rtcli.render(size=(800, 600), out=out, progress=progress)
    assert len(calls) == 1
    assert not out.any()
    assert numpy.array_equal(rtcli.render(size=(800, 600), out=out), rtcli.render())  # still renders


def test_ctrl_c_stops_the_render_and_raises_keyboard_interrupt():
    # A signal sent from another thread once the first band is done, while the main thread waits
    # in the render: it raises KeyboardInterrupt long before the frame could finish, and out is
    # left black. The time from the signal to the exception is printed for the log, not judged.
    done = run_python("""
        import os, signal, threading, time, numpy, rtcli
        first_band, sent = threading.Event(), []
        def interrupt():
            first_band.wait()
            sent.append(time.perf_counter())
            os.kill(os.getpid(), signal.SIGINT)
        threading.Thread(target=interrupt, daemon=True).start()
        bands = []
        def progress(done, total):
            bands.append(done)
            first_band.set()
        size = (1600, 1200)
        out = numpy.full((size[1], size[0], 3), 7, numpy.uint8)
        try:
            rtcli.render("profiles/field-10000.json", size, threads=1, out=out, progress=progress)
            print("finished")
        except KeyboardInterrupt:
            print("interrupted", len(bands), int(out.max()), f"{(time.perf_counter() - sent[0]) * 1e3:.1f}ms")
    """)
    assert done.returncode == 0, done.stderr
    print(done.stdout)
    words = done.stdout.split()
    assert words[0] == "interrupted"
    assert 1 <= int(words[1]) < 1200 // 16 and words[2] == "0"


def test_ctrl_c_stops_a_render_without_progress_on_two_threads():
    # No progress callback: the calling thread, one of the two workers, still looks at signals
    # between its bands. The signal is sent once the first band's pixels are in out.
    done = run_python("""
        import os, signal, threading, time, numpy, rtcli
        size = (1600, 1200)
        out = numpy.full((size[1], size[0], 3), 7, numpy.uint8)
        def interrupt():
            while not (out[:16] != 7).any():
                time.sleep(0.001)
            os.kill(os.getpid(), signal.SIGINT)
        threading.Thread(target=interrupt, daemon=True).start()
        try:
            rtcli.render("profiles/field-10000.json", size, threads=2, out=out)
            print("finished")
        except KeyboardInterrupt:
            print("interrupted", int(out.max()))
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["interrupted", "0"]


def test_bad_arguments_name_the_argument_and_value(rtcli, tmp_path):
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("not json", encoding="utf-8")
    cases = [
        ({"size": (True, 2)}, TypeError, "size[0]: expected an integer, got True"),
        ({"size": (800, 2.5)}, TypeError, "size[1]: expected an integer, got 2.5"),
        ({"size": 800}, TypeError, "size: expected a (width, height) pair, got 800"),
        ({"size": (-4, 600)}, ValueError, "size[0]: invalid width -4: expected 1..1048576"),
        ({"size": (800, 1 << 21)}, ValueError, "size[1]: invalid height 2097152"),
        ({"tile": (16, 0)}, ValueError, "tile[1]: invalid tile height 0"),
        ({"threads": False}, TypeError, "threads: expected an integer, got False"),
        ({"threads": 0}, ValueError, "threads: invalid thread count 0"),
        ({"scene": 7}, TypeError, "scene: expected a path or an rtcli.Scene, got 7"),
        ({"scene": str(tmp_path / "absent.json")}, ValueError, "absent.json"),
        ({"scene": bad_json}, ValueError, "bad.json"),
        ({"out": [[0]]}, TypeError, "out: expected a C-contiguous uint8 numpy array of shape (600, 800, 3), got list"),
        ({"out": numpy.zeros((600, 800, 3), numpy.int16)}, TypeError, "got dtype int16"),
        ({"out": numpy.zeros((600, 800), numpy.uint8)}, ValueError, "got shape (600, 800)"),
        ({"out": numpy.zeros((600, 801, 3), numpy.uint8)}, ValueError, "out has shape (600, 801, 3)"),
        ({"out": numpy.zeros((600, 800, 6), numpy.uint8)[:, :, ::2]}, ValueError, "got strides (4800, 6, 2)"),
        ({"out": numpy.zeros((600, 800, 3), numpy.uint8).transpose(1, 0, 2)}, ValueError, "out"),
        ({"progress": 3}, TypeError, "progress: expected a callable or None, got 3"),
    ]
    readonly = numpy.zeros((600, 800, 3), numpy.uint8)
    readonly.flags.writeable = False
    cases.append(({"out": readonly}, ValueError, "out: the array is read-only"))
    for kwargs, error, message in cases:
        with pytest.raises(error) as caught:
            rtcli.render(**kwargs)
        assert message in str(caught.value), kwargs


def test_a_thread_limit_is_a_runtime_error_not_a_crash():
    # RLIMIT_NPROC does not bind root: the child runs as nobody when started as root.
    def limit():
        import resource
        if os.getuid() == 0:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
        resource.setrlimit(resource.RLIMIT_NPROC, (6, 6))

    done = run_python("""
        import rtcli
        try:
            rtcli.render(size=(64, 48), threads=64)
            print("rendered")
        except RuntimeError as e:
            print("error:", e)
        print(rtcli.render(size=(64, 48), threads=1).shape)
    """, preexec_fn=limit)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("error: cannot start a thread"), done.stdout
    assert lines[1] == "(48, 64, 3)"


def test_several_python_threads_render_at_once(rtcli):
    jobs = [(None, (320, 240), 1), (SHOWCASE, (200, 150), 2), (SEED_PROFILE, (97, 61), None),
            (os.path.join(helpers.ROOT, "profiles", "field-10.json"), (160, 90), 2)] * 2
    expected = [rtcli.render(scene, size, threads=threads).tobytes() for scene, size, threads in jobs]
    results = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def run(i):
        scene, size, threads = jobs[i]
        start.wait()
        results[i] = rtcli.render(scene, size, threads=threads).tobytes()

    workers = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert results == expected


def test_scene_and_vec3_are_values(rtcli):
    seed = rtcli.Scene()
    assert seed == rtcli.load_scene(SEED_PROFILE) and seed != rtcli.load_scene(SHOWCASE)
    assert repr(seed) == "<rtcli.Scene seed: 1 sphere, 1 light>"
    (sphere,) = seed.spheres
    assert (sphere.centre, sphere.radius, sphere.colour) == (rtcli.Vec3(4, 3, 10), 2.0, (255.0, 0.0, 0.0))
    assert repr(sphere) == "Sphere(centre=Vec3(4.0, 3.0, 10.0), radius=2.0, colour=(255.0, 0.0, 0.0))"
    showcase = rtcli.load_scene(SHOWCASE)
    assert len(showcase.spheres) > 1 and all(isinstance(s, rtcli.Sphere) for s in showcase.spheres)
    assert showcase.spheres[0] == rtcli.load_scene(SHOWCASE).spheres[0]
    assert rtcli.Vec3(1, 2, 3) == rtcli.Vec3(1.0, 2.0, 3.0) != rtcli.Vec3(1, 2, 4)
    for value in (seed, sphere, rtcli.Vec3(1, 2, 3)):  # equal by value, so not hashed by identity
        with pytest.raises(TypeError):
            hash(value)
