//! A Nelder-Mead minimizer for the models' maximum-likelihood fits.
//!
//! Why our own: the problems are tiny (2 to 4 log-parameters) and smooth, and need only a
//! derivative-free minimizer that is deterministic and cannot panic. `argmin` would do, but
//! brings several dependencies (and its own error and state machinery) into a crate whose
//! dependency list is kept short on purpose; the smaller crates are unmaintained or
//! gradient-based. Nelder-Mead is a hundred lines, and it is what lifetimes used for these
//! fits before 0.11 (`fit_method='Nelder-Mead'` with `iterative_fitting` restarts);
//! lifetimes 0.11.3 uses scipy's BFGS with autograd gradients instead, which finds the same
//! optimum on well-posed data.
//!
//! The algorithm is the one in scipy's `_minimize_neldermead` (Lagarias et al. 1998's
//! ordering of reflection, expansion and inside/outside contraction, then shrink), with
//! Gao & Han's (2012, "Implementing the Nelder-Mead simplex algorithm with adaptive
//! parameters", Comput. Optim. Appl. 51) dimension-dependent coefficients, which scipy uses
//! with `adaptive=True`: reflection 1, expansion 1 + 2/n, contraction 3/4 - 1/(2n), shrink
//! 1 - 1/n. It stops, like scipy, when both the simplex's size (largest coordinate distance
//! to the best vertex, `xatol`) and the spread of its values (`fatol`) are small, or when
//! the simplex has shrunk to a few ulps and what spread is left is the objective's rounding.
//! The defaults suit the models, which minimize a mean negative log-likelihood (a few units)
//! over log-parameters: `xatol` 1e-8 is 1e-8 relative in the parameters, and `fatol` 1e-12
//! sits above the ~1e-14 noise of sums of hundreds of log-gamma terms (with 1e-14, the
//! Gamma-Gamma fit on CDNOW never converges: its values differ by noise alone).
//!
//! Nelder-Mead can stall on a collapsed simplex away from the minimum (McKinnon 1998), so
//! after each run we restart from the best point with a fresh simplex of the initial size,
//! until a restart no longer lowers the value. Non-finite objective values (a log of zero,
//! an overflow) count as +infinity, so the simplex moves away from them.

/// Settings of [`minimize`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Converged when every vertex is within this distance of the best, per coordinate...
    pub xatol: f64,
    /// ...and every vertex's value within this of the best value.
    pub fatol: f64,
    /// Iterations allowed in all runs together.
    pub max_iterations: u32,
    /// Runs after the first, each from the best point so far.
    pub max_restarts: u32,
    /// Edge of the initial simplex: vertex i is the start point plus `step` in coordinate i.
    pub step: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            xatol: 1e-8,
            fatol: 1e-12,
            max_iterations: 10_000,
            max_restarts: 20,
            step: 0.25,
        }
    }
}

/// What [`minimize`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    /// The best point seen.
    pub x: Vec<f64>,
    /// The objective there (+infinity if no finite value was ever seen).
    pub value: f64,
    /// Nelder-Mead iterations over all runs.
    pub iterations: u32,
    /// Objective evaluations over all runs.
    pub evaluations: u32,
    /// Runs after the first.
    pub restarts: u32,
    /// The last run met both tolerances, and restarting from its best point did not improve
    /// on it, within the iteration and restart budgets.
    pub converged: bool,
}

/// The adaptive coefficients (reflection, expansion, contraction, shrink) for dimension n.
/// For n = 1 Gao & Han's shrink coefficient would be 0 (a collapse onto the best vertex),
/// so one dimension uses the standard 1, 2, 1/2, 1/2.
fn coefficients(n: usize) -> (f64, f64, f64, f64) {
    if n < 2 {
        return (1.0, 2.0, 0.5, 0.5);
    }
    let n = n as f64;
    (1.0, 1.0 + 2.0 / n, 0.75 - 1.0 / (2.0 * n), 1.0 - 1.0 / n)
}

/// The objective with non-finite values made +infinity, counting evaluations.
struct Counted<F> {
    f: F,
    evaluations: u32,
}

impl<F: FnMut(&[f64]) -> f64> Counted<F> {
    fn eval(&mut self, x: &[f64]) -> f64 {
        self.evaluations = self.evaluations.saturating_add(1);
        let v = (self.f)(x);
        if v.is_finite() {
            v
        } else {
            f64::INFINITY
        }
    }
}

struct Simplex {
    points: Vec<Vec<f64>>,
    values: Vec<f64>,
}

impl Simplex {
    fn new<F: FnMut(&[f64]) -> f64>(x0: &[f64], step: f64, f: &mut Counted<F>) -> Simplex {
        let mut points = vec![x0.to_vec()];
        for i in 0..x0.len() {
            let mut p = x0.to_vec();
            p[i] += step;
            points.push(p);
        }
        let values = points.iter().map(|p| f.eval(p)).collect();
        let mut s = Simplex { points, values };
        s.sort();
        s
    }

    /// Best first. A stable sort on the values, so ties keep their order: deterministic.
    fn sort(&mut self) {
        let mut order: Vec<usize> = (0..self.values.len()).collect();
        order.sort_by(|&i, &j| self.values[i].total_cmp(&self.values[j]));
        self.points = order.iter().map(|&i| self.points[i].clone()).collect();
        self.values = order.iter().map(|&i| self.values[i]).collect();
    }

    /// The largest coordinate distance of a vertex to the best one.
    fn size(&self) -> f64 {
        let best = &self.points[0];
        self.points[1..]
            .iter()
            .flat_map(|p| p.iter().zip(best).map(|(a, b)| (a - b).abs()))
            .fold(0.0, f64::max)
    }

    /// Both tolerances met; or the simplex has collapsed to a few ulps of its best vertex,
    /// where it cannot move any more and the remaining spread of values is the objective's
    /// own rounding noise (a sum of many log-gamma terms is noisy at ~1e-14).
    fn converged(&self, o: &Options) -> bool {
        let size = self.size();
        let spread = self.values[1..]
            .iter()
            .map(|v| (v - self.values[0]).abs())
            .fold(0.0, f64::max);
        let scale = self.points[0].iter().fold(1.0_f64, |m, x| m.max(x.abs()));
        let collapsed = size <= 8.0 * f64::EPSILON * scale;
        // A best value of +infinity (nothing finite seen) never converges.
        self.values[0].is_finite() && size <= o.xatol && (spread <= o.fatol || collapsed)
    }

    /// `centroid + t (centroid - worst)`: t = 1 reflects, t = chi expands, t = psi is the
    /// outside contraction and t = -psi the inside one.
    fn along(&self, centroid: &[f64], t: f64) -> Vec<f64> {
        let worst = &self.points[self.points.len() - 1];
        centroid
            .iter()
            .zip(worst)
            .map(|(c, w)| c + t * (c - w))
            .collect()
    }

    fn replace_worst(&mut self, x: Vec<f64>, v: f64) {
        let last = self.points.len() - 1;
        self.points[last] = x;
        self.values[last] = v;
    }

    /// One Nelder-Mead iteration, as scipy's `_minimize_neldermead` orders it.
    fn step<F: FnMut(&[f64]) -> f64>(&mut self, f: &mut Counted<F>) {
        let n = self.points.len() - 1;
        let (rho, chi, psi, sigma) = coefficients(n);
        let mut centroid = vec![0.0; n];
        for p in &self.points[..n] {
            for (c, x) in centroid.iter_mut().zip(p) {
                *c += x / n as f64;
            }
        }
        let (best, second_worst, worst) = (self.values[0], self.values[n - 1], self.values[n]);
        let xr = self.along(&centroid, rho);
        let fr = f.eval(&xr);
        if fr < best {
            let xe = self.along(&centroid, rho * chi);
            let fe = f.eval(&xe);
            if fe < fr {
                self.replace_worst(xe, fe);
            } else {
                self.replace_worst(xr, fr);
            }
        } else if fr < second_worst {
            self.replace_worst(xr, fr);
        } else {
            let outside = fr < worst;
            let xc = self.along(&centroid, if outside { psi * rho } else { -psi });
            let fc = f.eval(&xc);
            let accept = if outside { fc <= fr } else { fc < worst };
            if accept {
                self.replace_worst(xc, fc);
            } else {
                self.shrink(sigma, f);
            }
        }
        self.sort();
    }

    fn shrink<F: FnMut(&[f64]) -> f64>(&mut self, sigma: f64, f: &mut Counted<F>) {
        let best = self.points[0].clone();
        for j in 1..self.points.len() {
            for (x, b) in self.points[j].iter_mut().zip(&best) {
                *x = b + sigma * (*x - b);
            }
            self.values[j] = f.eval(&self.points[j]);
        }
    }
}

/// Minimize `f` from `x0` (see the module doc). An empty `x0` gives the value at the empty
/// point, converged.
pub fn minimize<F: FnMut(&[f64]) -> f64>(f: F, x0: &[f64], options: &Options) -> Minimum {
    let mut f = Counted { f, evaluations: 0 };
    if x0.is_empty() {
        let value = f.eval(x0);
        return Minimum {
            x: Vec::new(),
            value,
            iterations: 0,
            evaluations: 1,
            restarts: 0,
            converged: true,
        };
    }
    let mut iterations = 0u32;
    let mut best: Option<(Vec<f64>, f64)> = None;
    let mut restarts = 0u32;
    let converged = loop {
        let start = best.as_ref().map_or(x0, |(x, _)| x.as_slice());
        let mut s = Simplex::new(start, options.step, &mut f);
        let mut run_converged = false;
        while iterations < options.max_iterations {
            if s.converged(options) {
                run_converged = true;
                break;
            }
            if !s.values[0].is_finite() && s.size() <= options.xatol {
                break; // shrunk onto a point without finding a finite value
            }
            s.step(&mut f);
            iterations += 1;
        }
        run_converged = run_converged || s.converged(options);
        let improved = match &best {
            None => true,
            Some((_, v)) => s.values[0] < v - options.fatol,
        };
        if improved || best.is_none() {
            best = Some((s.points[0].clone(), s.values[0]));
        }
        if !run_converged {
            break false;
        }
        if !improved {
            break true;
        }
        if restarts >= options.max_restarts {
            break false;
        }
        restarts += 1;
    };
    let (x, value) = best.unwrap_or_else(|| (x0.to_vec(), f64::INFINITY));
    Minimum {
        x,
        value,
        iterations,
        evaluations: f.evaluations,
        restarts,
        converged,
    }
}

/// Settings of [`minimize_bfgs`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BfgsOptions {
    /// Converged when every component of the gradient is at most this in absolute value.
    /// The models minimize a mean negative log-likelihood over log-parameters, whose
    /// gradient does not grow with the number of customers; lifetimes stops at 1e-7
    /// (scipy's `gtol`, its `tol`), we at 1e-8. Below that the gradient is rounding noise on
    /// large data (3.6e-9 for BG/NBD on a million customers), where further steps only
    /// thrash the line search.
    pub gtol: f64,
    /// ...or when no step along the search direction lowers the value any more (the
    /// objective's rounding noise) while the gradient is at most this.
    pub noise_gtol: f64,
    /// Iterations allowed.
    pub max_iterations: u32,
}

impl Default for BfgsOptions {
    fn default() -> BfgsOptions {
        BfgsOptions {
            gtol: 1e-8,
            noise_gtol: 1e-6,
            // The fits converge in 20-40; more means a ridge (a likelihood rising
            // towards a parameter of 0 or infinity), which Nelder-Mead then follows.
            max_iterations: 200,
        }
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn max_abs(a: &[f64]) -> f64 {
    a.iter().fold(0.0, |m, x| m.max(x.abs()))
}

/// Minimize `f` from `x0` with BFGS; `f(x, g)` returns the value at `x` and writes the
/// gradient into `g`. A non-finite value (or gradient) counts as +infinity.
///
/// Why BFGS as well as Nelder-Mead: the BG/NBD and Gamma-Gamma likelihoods have cheap
/// analytic gradients (the same exp and log per row as the value), and with them BFGS needs
/// a few dozen evaluations where Nelder-Mead needs several hundred: on a histogram of
/// 200,000 distinct rows that is the difference between a tenth of a second and seconds.
/// It is what lifetimes 0.11.3 uses (scipy's BFGS with autograd gradients). The inverse
/// Hessian approximation starts as the identity, scaled after the first step by
/// s.y / y.y (Nocedal & Wright 2006, eq. 6.20); the step length is found by backtracking
/// from 1 with Armijo's condition (c1 = 1e-4), and an update whose curvature s.y is not
/// positive is skipped. When no step lowers the value, the search restarts once along the
/// steepest descent; a second failure ends the run, converged only if the gradient is
/// within `noise_gtol` (the remaining spread is then rounding noise). The caller falls back
/// on Nelder-Mead when it did not converge.
pub fn minimize_bfgs<F: FnMut(&[f64], &mut [f64]) -> f64>(
    mut f: F,
    x0: &[f64],
    options: &BfgsOptions,
) -> Minimum {
    let n = x0.len();
    let evaluations = std::cell::Cell::new(0u32);
    let mut eval = |x: &[f64], g: &mut [f64]| {
        evaluations.set(evaluations.get().saturating_add(1));
        let v = f(x, g);
        if v.is_finite() && g.iter().all(|d| d.is_finite()) {
            v
        } else {
            f64::INFINITY
        }
    };
    let mut x = x0.to_vec();
    let mut g = vec![0.0; n];
    let mut value = eval(&x, &mut g);
    let finish =
        |x: Vec<f64>, value: f64, iterations: u32, converged: bool, evaluations: u32| Minimum {
            x,
            value,
            iterations,
            evaluations,
            restarts: 0,
            converged,
        };
    if !value.is_finite() {
        return finish(x, value, 0, false, evaluations.get());
    }
    // The inverse Hessian approximation, row-major.
    let identity = |scale: f64| {
        let mut h = vec![0.0; n * n];
        for i in 0..n {
            h[i * n + i] = scale;
        }
        h
    };
    let mut h = identity(1.0);
    let mut first_update = true;
    let mut iterations = 0u32;
    let mut x_new = vec![0.0; n];
    let mut g_new = vec![0.0; n];
    let mut restarted = false;
    let converged = loop {
        if max_abs(&g) <= options.gtol {
            break true;
        }
        if iterations >= options.max_iterations {
            break false;
        }
        let mut p: Vec<f64> = (0..n).map(|i| -dot(&h[i * n..(i + 1) * n], &g)).collect();
        let mut slope = dot(&p, &g);
        if !(slope < 0.0) {
            h = identity(1.0);
            first_update = true;
            p = g.iter().map(|d| -d).collect();
            slope = dot(&p, &g);
        }
        // The first step of a run along -g is at most 1 in every coordinate.
        let mut step = if first_update {
            (1.0 / max_abs(&p)).min(1.0)
        } else {
            1.0
        };
        let mut found = None;
        for _ in 0..40 {
            for i in 0..n {
                x_new[i] = x[i] + step * p[i];
            }
            if x_new == x {
                break; // the step no longer moves x
            }
            let v = eval(&x_new, &mut g_new);
            // Strictly lower: at the objective's noise floor, where 1e-4 step slope is
            // below an ulp of the value, an equal value is no progress.
            if v < value && v <= value + 1e-4 * step * slope {
                found = Some(v);
                break;
            }
            step *= 0.5;
        }
        iterations += 1;
        let Some(v_new) = found else {
            if restarted || first_update {
                break max_abs(&g) <= options.noise_gtol;
            }
            restarted = true;
            h = identity(1.0);
            first_update = true;
            continue;
        };
        let s: Vec<f64> = (0..n).map(|i| x_new[i] - x[i]).collect();
        let y: Vec<f64> = (0..n).map(|i| g_new[i] - g[i]).collect();
        let sy = dot(&s, &y);
        std::mem::swap(&mut x, &mut x_new);
        std::mem::swap(&mut g, &mut g_new);
        let improved = v_new < value;
        value = v_new;
        if sy > 1e-12 * dot(&s, &s).sqrt() * dot(&y, &y).sqrt() && sy > 0.0 {
            if first_update {
                h = identity(sy / dot(&y, &y));
                first_update = false;
            }
            // H <- (I - rho s y') H (I - rho y s') + rho s s'
            let rho = 1.0 / sy;
            let hy: Vec<f64> = (0..n).map(|i| dot(&h[i * n..(i + 1) * n], &y)).collect();
            let yhy = dot(&y, &hy);
            for i in 0..n {
                for j in 0..n {
                    h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j])
                        + (rho * rho * yhy + rho) * s[i] * s[j];
                }
            }
        }
        if improved {
            restarted = false;
        }
    };
    finish(x, value, iterations, converged, evaluations.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chained Rosenbrock function; its minimum is 0 at (1, ..., 1).
    fn rosenbrock(x: &[f64]) -> f64 {
        x.windows(2)
            .map(|w| 100.0 * (w[1] - w[0] * w[0]).powi(2) + (1.0 - w[0]).powi(2))
            .sum()
    }

    fn assert_at(m: &Minimum, want: &[f64], tol: f64) {
        assert!(m.converged, "{m:?}");
        for (x, w) in m.x.iter().zip(want) {
            assert!((x - w).abs() < tol, "{m:?}");
        }
    }

    /// Tolerances tighter than the models' defaults, for 1e-8 in x.
    fn tight() -> Options {
        Options {
            xatol: 1e-10,
            fatol: 1e-20,
            ..Options::default()
        }
    }

    #[test]
    fn rosenbrock_2d() {
        let m = minimize(rosenbrock, &[-1.2, 1.0], &tight());
        assert_at(&m, &[1.0, 1.0], 1e-8);
        assert!(m.value < 1e-16, "{m:?}");
    }

    #[test]
    fn rosenbrock_4d() {
        // (-1.2, 1, -1.2, 1) is the usual start; chained Rosenbrock in 4 dimensions also has a
        // local minimum near (-0.78, 0.61, 0.38, 0.15), which the fit must not stop at.
        let m = minimize(rosenbrock, &[-1.2, 1.0, -1.2, 1.0], &tight());
        assert_at(&m, &[1.0; 4], 1e-8);
    }

    #[test]
    fn quadratic() {
        // f = (x - 3)^2 + 10 (y + 2)^2 + (x - 3)(y + 2), positive definite, minimum 0 at
        // (3, -2). (With a constant added, say 5, no minimizer can place x closer than
        // sqrt(ulp(5)) ~ 3e-8: the values near the minimum all round to 5.)
        let f = |x: &[f64]| {
            let (u, v) = (x[0] - 3.0, x[1] + 2.0);
            u * u + 10.0 * v * v + u * v
        };
        let m = minimize(f, &[0.0, 0.0], &tight());
        assert_at(&m, &[3.0, -2.0], 1e-8);
        assert!(m.value < 1e-16);
        // One dimension uses the standard coefficients.
        let m = minimize(|x: &[f64]| (x[0] - 0.5).powi(2), &[4.0], &tight());
        assert_at(&m, &[0.5], 1e-8);
    }

    #[test]
    fn non_finite_values_are_avoided() {
        // ln of a negative number is NaN: the minimizer must stay in x > 0.
        let f = |x: &[f64]| x[0] - 2.0 * x[0].ln() + (x[1] - 1.0).powi(2);
        let m = minimize(f, &[0.1, 0.0], &Options::default());
        assert_at(&m, &[2.0, 1.0], 1e-7);
        // Nowhere finite: no answer, not converged, no panic.
        let m = minimize(|_: &[f64]| f64::NAN, &[0.0, 0.0], &Options::default());
        assert!(!m.converged);
        assert_eq!(m.value, f64::INFINITY);
    }

    #[test]
    fn budget_exhaustion_is_reported() {
        let o = Options {
            max_iterations: 10,
            ..Options::default()
        };
        let m = minimize(rosenbrock, &[-1.2, 1.0], &o);
        assert!(!m.converged);
        assert_eq!(m.iterations, 10);
    }

    #[test]
    fn deterministic() {
        let a = minimize(rosenbrock, &[-1.2, 1.0, 0.5], &Options::default());
        let b = minimize(rosenbrock, &[-1.2, 1.0, 0.5], &Options::default());
        assert_eq!(a, b);
    }

    /// The Rosenbrock function and its gradient.
    fn rosenbrock_grad(x: &[f64], g: &mut [f64]) -> f64 {
        g.iter_mut().for_each(|d| *d = 0.0);
        for i in 0..x.len() - 1 {
            let (a, b) = (x[i], x[i + 1]);
            g[i] += -400.0 * a * (b - a * a) - 2.0 * (1.0 - a);
            g[i + 1] += 200.0 * (b - a * a);
        }
        rosenbrock(x)
    }

    #[test]
    fn bfgs_rosenbrock() {
        for x0 in [&[-1.2, 1.0][..], &[-1.2, 1.0, -1.2, 1.0][..]] {
            let m = minimize_bfgs(rosenbrock_grad, x0, &BfgsOptions::default());
            assert_at(&m, &vec![1.0; x0.len()], 1e-8);
            // scipy's BFGS needs 32 iterations for the 2-d start; a few dozen here too.
            assert!(m.iterations < 100, "{m:?}");
        }
    }

    #[test]
    fn bfgs_avoids_infinite_regions() {
        // ln-barrier: +infinity for x <= 0; the minimum of x - ln x is at 1.
        let f = |x: &[f64], g: &mut [f64]| {
            g[0] = 1.0 - 1.0 / x[0];
            if x[0] > 0.0 {
                x[0] - x[0].ln()
            } else {
                f64::NAN
            }
        };
        let m = minimize_bfgs(f, &[30.0], &BfgsOptions::default());
        assert_at(&m, &[1.0], 1e-8);
    }

    #[test]
    fn bfgs_reports_failure_on_unbounded() {
        // Falls forever: never converges, and stops at the iteration limit.
        let f = |x: &[f64], g: &mut [f64]| {
            g[0] = -1.0;
            -x[0]
        };
        let m = minimize_bfgs(
            f,
            &[0.0],
            &BfgsOptions {
                max_iterations: 50,
                ..BfgsOptions::default()
            },
        );
        assert!(!m.converged && m.iterations == 50, "{m:?}");
    }
}
