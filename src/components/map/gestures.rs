//! The map's view and its gestures as plain state, with no browser in them: `MapView` feeds
//! pointer positions in and draws what comes out. Tested natively below.

use qiaosi_core::geo::mercator::TILE;

/// Where the map looks: the centre in world coordinates (0..1 across the Web Mercator square),
/// the zoom, and the element's size in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub cx: f64,
    pub cy: f64,
    pub zoom: f64,
    pub w: f64,
    pub h: f64,
}

impl View {
    pub fn world_px(&self) -> f64 {
        TILE * self.zoom.exp2()
    }

    /// A world point on screen.
    pub fn screen(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let s = self.world_px();
        (
            (x - self.cx) * s + self.w / 2.0,
            (y - self.cy) * s + self.h / 2.0,
        )
    }

    /// Zooms by `dz` keeping the world point under screen point (sx, sy) where it is.
    pub fn zoom_at(&mut self, dz: f64, sx: f64, sy: f64, max: f64) {
        let s0 = self.world_px();
        let (wx, wy) = (
            self.cx + (sx - self.w / 2.0) / s0,
            self.cy + (sy - self.h / 2.0) / s0,
        );
        // A source whose tiles stop below zoom 3 still zooms to its own limit.
        self.zoom = (self.zoom + dz).clamp(3.0_f64.min(max), max);
        let s1 = self.world_px();
        self.cx = wx - (sx - self.w / 2.0) / s1;
        self.cy = wy - (sy - self.h / 2.0) / s1;
    }

    /// Moves the map by a screen distance (the content follows the finger).
    pub fn pan(&mut self, dx: f64, dy: f64) {
        let s = self.world_px();
        self.cx -= dx / s;
        self.cy -= dy / s;
    }
}

/// A press that moves less than this (CSS px) is a tap, so markers stay easy to hit.
pub const TAP_SLOP_PX: f64 = 6.0;

/// What a pointer move does to the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// Nothing yet (a press still within the tap slop).
    None,
    Pan(f64, f64),
    /// Two fingers: pan by the midpoint's move, then zoom by `dz` about the new midpoint.
    PanZoom {
        dx: f64,
        dy: f64,
        dz: f64,
        at: (f64, f64),
    },
}

impl Change {
    pub fn apply(self, v: &mut View, max_zoom: f64) {
        match self {
            Change::None => {}
            Change::Pan(dx, dy) => v.pan(dx, dy),
            Change::PanZoom { dx, dy, dz, at } => {
                v.pan(dx, dy);
                v.zoom_at(dz, at.0, at.1, max_zoom);
            }
        }
    }
}

/// The pointers down on the map, and whether this press has become a drag.
#[derive(Clone, Debug, Default)]
pub struct Gestures {
    pointers: Vec<(i32, (f64, f64))>,
    dragging: bool,
}

impl Gestures {
    pub fn down(&mut self, id: i32, at: (f64, f64)) {
        self.pointers.retain(|(p, _)| *p != id);
        self.pointers.push((id, at));
        self.dragging = false;
    }

    /// A pointer moved to `at`. `started_drag` is true the first time a press becomes a drag
    /// (the caller then captures the pointer).
    pub fn moved(&mut self, id: i32, at: (f64, f64)) -> (Change, bool) {
        let Some(i) = self.pointers.iter().position(|(p, _)| *p == id) else {
            return (Change::None, false);
        };
        let prev = self.pointers[i].1;
        let other = self
            .pointers
            .iter()
            .find(|(p, _)| *p != id)
            .map(|&(_, o)| o);
        let was_dragging = self.dragging;
        let change = match other {
            None => {
                let (dx, dy) = (at.0 - prev.0, at.1 - prev.1);
                if !self.dragging && dx.hypot(dy) < TAP_SLOP_PX {
                    // Not moved far enough: the press stays where it began.
                    return (Change::None, false);
                }
                self.dragging = true;
                Change::Pan(dx, dy)
            }
            Some(o) => {
                let m0 = ((prev.0 + o.0) / 2.0, (prev.1 + o.1) / 2.0);
                let m1 = ((at.0 + o.0) / 2.0, (at.1 + o.1) / 2.0);
                let d0 = (prev.0 - o.0).hypot(prev.1 - o.1);
                let d1 = (at.0 - o.0).hypot(at.1 - o.1);
                self.dragging = true;
                Change::PanZoom {
                    dx: m1.0 - m0.0,
                    dy: m1.1 - m0.1,
                    // Fingers that start on top of each other give no scale to go by.
                    dz: if d0 > 1.0 { (d1 / d0).log2() } else { 0.0 },
                    at: m1,
                }
            }
        };
        self.pointers[i].1 = at;
        (change, self.dragging && !was_dragging)
    }

    pub fn up(&mut self, id: i32) {
        self.pointers.retain(|(p, _)| *p != id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> View {
        View {
            cx: 0.5,
            cy: 0.5,
            zoom: 12.0,
            w: 400.0,
            h: 300.0,
        }
    }

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
    }

    #[test]
    fn a_small_wobble_stays_a_tap_and_a_drag_pans_exactly() {
        let mut g = Gestures::default();
        g.down(1, (100.0, 100.0));
        assert_eq!(g.moved(1, (103.0, 104.0)), (Change::None, false));
        // Past the slop: the whole way from where the press began, once.
        let (c, started) = g.moved(1, (110.0, 100.0));
        assert!(started);
        assert_eq!(c, Change::Pan(10.0, 0.0));
        // Then every move, however small.
        assert_eq!(g.moved(1, (111.0, 100.0)), (Change::Pan(1.0, 0.0), false));
        let mut v = view();
        let under = v.screen((0.5, 0.5));
        Change::Pan(10.0, -5.0).apply(&mut v, 18.0);
        assert!(close(v.screen((0.5, 0.5)), (under.0 + 10.0, under.1 - 5.0)));
    }

    #[test]
    fn spreading_two_fingers_to_twice_apart_zooms_in_one_level_about_them() {
        let mut g = Gestures::default();
        g.down(1, (150.0, 150.0));
        g.down(2, (250.0, 150.0));
        let (c, _) = g.moved(2, (350.0, 150.0));
        let Change::PanZoom { dx, dy, dz, at } = c else {
            panic!("{c:?}")
        };
        assert!((dz - 1.0).abs() < 1e-9, "{dz}");
        assert_eq!((dx, dy), (50.0, 0.0));
        assert_eq!(at, (250.0, 150.0));
        // The still finger's world point stays under it.
        let mut v = view();
        let s = v.world_px();
        let still = (
            v.cx + (150.0 - v.w / 2.0) / s,
            v.cy + (150.0 - v.h / 2.0) / s,
        );
        c.apply(&mut v, 18.0);
        assert!((v.zoom - 13.0).abs() < 1e-9);
        // Midpoint 200 → 250, scale doubled about it: the finger at 150 maps to 150 - 50 + 0.
        let on_screen = v.screen(still);
        assert!(
            (on_screen.1 - 150.0).abs() < 1e-6 && (on_screen.0 - 150.0).abs() < 1e-6,
            "{on_screen:?}"
        );
        g.up(2);
        g.up(1);
        assert_eq!(g.moved(1, (0.0, 0.0)), (Change::None, false));
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_and_stops_at_the_limits() {
        let mut v = view();
        let world = {
            let s = v.world_px();
            (
                v.cx + (300.0 - v.w / 2.0) / s,
                v.cy + (60.0 - v.h / 2.0) / s,
            )
        };
        v.zoom_at(1.5, 300.0, 60.0, 18.0);
        assert!(close(v.screen(world), (300.0, 60.0)));
        v.zoom_at(10.0, 300.0, 60.0, 18.0);
        assert_eq!(v.zoom, 18.0);
        v.zoom_at(-30.0, 0.0, 0.0, 18.0);
        assert_eq!(v.zoom, 3.0);
        // A source that stops at zoom 2 can still be zoomed to 2.
        v.zoom_at(-30.0, 0.0, 0.0, 2.0);
        assert_eq!(v.zoom, 2.0);
    }
}
