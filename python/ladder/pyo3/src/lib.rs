//! The PyO3 rung of the binding ladder: the talk's Vec, Sphere and Line, ported as the talk did,
//! in IEEE double with the seed's order of operations (no FMA: Rust never contracts).
// pyo3 0.17's macros predate the lint that newer compilers raise on their generated impls
// (and older compilers do not know that lint).
#![allow(unknown_lints, non_local_definitions)]

use pyo3::prelude::*;

/// A 3-vector: `+`, `-`, `*` (dot product), `scale`, `normal`, `len`.
#[pyclass(freelist = 64)]
#[derive(Clone, Copy)]
struct Vec {
    #[pyo3(get)]
    x: f64,
    #[pyo3(get)]
    y: f64,
    #[pyo3(get)]
    z: f64,
}

impl Vec {
    fn add(&self, o: &Vec) -> Vec {
        Vec { x: self.x + o.x, y: self.y + o.y, z: self.z + o.z }
    }
    fn sub(&self, o: &Vec) -> Vec {
        Vec { x: self.x - o.x, y: self.y - o.y, z: self.z - o.z }
    }
    fn dot(&self, o: &Vec) -> f64 {
        (self.x * o.x + self.y * o.y) + self.z * o.z
    }
    fn times(&self, k: f64) -> Vec {
        Vec { x: self.x * k, y: self.y * k, z: self.z * k }
    }
    fn unit(&self) -> Vec {
        self.times(1.0 / self.dot(self).sqrt())
    }
}

#[pymethods]
impl Vec {
    #[new]
    fn new(x: f64, y: f64, z: f64) -> Self {
        Vec { x, y, z }
    }
    fn __add__(&self, o: PyRef<Vec>) -> Vec {
        self.add(&o)
    }
    fn __sub__(&self, o: PyRef<Vec>) -> Vec {
        self.sub(&o)
    }
    fn __mul__(&self, o: PyRef<Vec>) -> f64 {
        self.dot(&o)
    }
    fn scale(&self, k: f64) -> Vec {
        self.times(k)
    }
    fn normal(&self) -> Vec {
        self.unit()
    }
    fn len(&self) -> f64 {
        self.dot(self).sqrt()
    }
}

/// A ray: the point p and the direction v.
#[pyclass(freelist = 8)]
struct Line {
    #[pyo3(get)]
    p: Vec,
    #[pyo3(get)]
    v: Vec,
}

#[pymethods]
impl Line {
    #[new]
    fn new(p: Vec, v: Vec) -> Self {
        Line { p, v }
    }
}

/// A sphere: `intersect(line)` gives the nearer hit (a Vec) or None, `get_normal(p)` the unit normal.
#[pyclass]
struct Sphere {
    #[pyo3(get)]
    centre: Vec,
    #[pyo3(get)]
    radius: f64,
}

#[pymethods]
impl Sphere {
    #[new]
    fn new(centre: Vec, radius: f64) -> Self {
        Sphere { centre, radius }
    }
    fn intersect(&self, line: PyRef<Line>) -> Option<Vec> {
        let d = line.p.sub(&self.centre);
        let sp = line.v.dot(&d);
        let rat = 4.0 * (sp * sp - (d.dot(&d) - self.radius * self.radius));
        if rat < 0.0 {
            return None;
        }
        let s = rat.sqrt();
        let t = f64::min(-1.0 * sp + s / 2.0, -1.0 * sp - s / 2.0);
        Some(line.p.add(&line.v.times(t)))
    }
    fn get_normal(&self, p: PyRef<Vec>) -> Vec {
        p.sub(&self.centre).unit()
    }
}

/// The seed's colour of pixel (x, y) in one call (the native-pixel level).
#[pyfunction]
fn colour(x: i64, y: i64, width: i64, height: i64) -> (i64, i64, i64) {
    let sphere = Sphere { centre: Vec { x: 4.0, y: 3.0, z: 10.0 }, radius: 2.0 };
    let light = Vec { x: 8.0, y: 0.0, z: 7.0 };
    let p = Vec { x: (8.0 * x as f64) / width as f64, y: (6.0 * y as f64) / height as f64, z: 0.0 };
    let v = Vec { x: 0.0, y: 0.0, z: 1.0 };
    let d = p.sub(&sphere.centre);
    let sp = v.dot(&d);
    let rat = 4.0 * (sp * sp - (d.dot(&d) - sphere.radius * sphere.radius));
    if rat < 0.0 {
        return (100, 100, 100);
    }
    let s = rat.sqrt();
    let t = f64::min(-1.0 * sp + s / 2.0, -1.0 * sp - s / 2.0);
    let hit = p.add(&v.times(t));
    let n = hit.sub(&sphere.centre).unit();
    let l = light.sub(&hit).unit();
    let c = (n.dot(&l) * 255.0) as i64; // `as` truncates towards zero, like Python's int()
    (c.max(30), 0, 0)
}

#[pymodule]
fn talk_pyo3(_py: Python, m: &PyModule) -> PyResult<()> {
    m.add_class::<Vec>()?;
    m.add_class::<Line>()?;
    m.add_class::<Sphere>()?;
    m.add_function(wrap_pyfunction!(colour, m)?)?;
    Ok(())
}
