// Makes the sample site's photograph, content/static/images/harbour-dawn.jpg:
// a harbour at dawn with a ship at the quay, drawn pixel by pixel (sky,
// clouds, hills, sea, reflections, film grain) and saved as a camera would,
// 2400×1600 JPEG. Deterministic: run it again and the same file comes out.
//   node scripts/make-sample-photo.mjs
import sharp from 'sharp';

const W = 2400;
const H = 1600;
const horizon = Math.round(H * 0.56);

// Value noise on a hashed lattice, summed over octaves (fractal clouds and waves).
function hash(x, y, seed) {
  let h = (x * 374761393 + y * 668265263 + seed * 982451653) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
const smooth = (t) => t * t * (3 - 2 * t);
function valueNoise(x, y, seed) {
  const xi = Math.floor(x), yi = Math.floor(y);
  const xf = smooth(x - xi), yf = smooth(y - yi);
  const a = hash(xi, yi, seed), b = hash(xi + 1, yi, seed), c = hash(xi, yi + 1, seed), d = hash(xi + 1, yi + 1, seed);
  return a + (b - a) * xf + (c - a) * yf + (a - b - c + d) * xf * yf;
}
function fbm(x, y, seed, octaves) {
  let sum = 0, amp = 0.5, freq = 1;
  for (let i = 0; i < octaves; i++) {
    sum += amp * valueNoise(x * freq, y * freq, seed + i);
    amp *= 0.5;
    freq *= 2.03;
  }
  return sum;
}
const mix = (a, b, t) => a + (b - a) * t;
const mix3 = (a, b, t) => [mix(a[0], b[0], t), mix(a[1], b[1], t), mix(a[2], b[2], t)];
const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : v);

// Far hills and the ship, as profiles along x.
const hills = new Float32Array(W);
for (let x = 0; x < W; x++) hills[x] = horizon - 30 - 90 * fbm(x / 420, 0.5, 11, 5) * (x < W * 0.55 ? 1 : 0.35);
const sun = { x: W * 0.66, y: horizon - 40 };
const ship = { left: 260, right: 1180, deck: horizon + 40, water: horizon + 120 };
function shipAt(x, y) {
  if (x < ship.left || x > ship.right) return false;
  const bow = ship.left + (y - ship.deck) * 0.9;
  if (y >= ship.deck && y <= ship.water && x >= bow) return true; // hull
  if (y >= ship.deck - 90 && y < ship.deck && x > 720 && x < 1010) return true; // bridge
  if (y >= ship.deck - 150 && y < ship.deck - 90 && x > 800 && x < 930) return true; // wheelhouse
  if (x > 880 && x < 892 && y > ship.deck - 300 && y < ship.deck - 150) return true; // mast
  if (y >= ship.deck - 40 && y < ship.deck && x > 380 && x < 700 && (x - 380) % 80 < 60) return true; // containers
  return false;
}

const pixels = Buffer.alloc(W * H * 3);
let rng = 12345;
const random = () => ((rng = (Math.imul(rng, 1103515245) + 12345) >>> 0) / 4294967296);
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    let c;
    const dx = (x - sun.x) / W, dy = (y - sun.y) / H;
    const glow = Math.exp(-(dx * dx + dy * dy * 2.2) * 28);
    if (y < hills[x]) {
      // Sky: blue-grey overhead to warm at the horizon, clouds lit from below.
      const t = y / horizon;
      c = mix3([58, 74, 104], [236, 160, 104], Math.pow(t, 1.6));
      const cloud = fbm(x / 520, y / 150, 3, 6);
      const lit = Math.max(0, cloud - 0.45) * 2.2;
      c = mix3(c, [250, 196, 150], Math.min(1, lit * t));
      c = mix3(c, [70, 70, 92], Math.max(0, 0.5 - cloud) * (1 - t) * 0.9);
      c = mix3(c, [255, 226, 170], Math.min(1, glow * 1.4));
    } else if (y < horizon) {
      // Hills in haze.
      const haze = (horizon - y) / 120;
      c = mix3([92, 84, 96], [150, 118, 112], Math.min(1, haze * 0.6 + glow));
    } else {
      // Sea: darker towards the camera, waves stretched along x, the sun's path on the water.
      const t = (y - horizon) / (H - horizon);
      c = mix3([176, 132, 118], [28, 38, 52], Math.pow(t, 0.55));
      const wave = fbm(x / (260 - 200 * t), (y - horizon) / (6 + 30 * t), 7, 5);
      c = mix3(c, [12, 18, 28], Math.max(0, 0.5 - wave) * 0.8);
      const path = Math.exp(-Math.pow((x - sun.x) / (60 + 420 * t), 2)) * Math.max(0, wave - 0.42) * 3.2 * (1 - t * 0.6);
      c = mix3(c, [255, 214, 160], Math.min(1, path));
    }
    if (shipAt(x, y)) {
      c = mix3([22, 24, 30], c, 0.08 + 0.1 * (1 - (y - ship.deck + 300) / 420));
      // Lit portholes and the bridge windows.
      if ((y === ship.deck + 22 || y === ship.deck + 23) && x > 420 && x < 1100 && x % 46 < 5) c = [255, 206, 140];
      if (y > ship.deck - 70 && y < ship.deck - 58 && x > 740 && x < 990 && x % 30 < 18) c = [240, 196, 132];
    } else if (y > ship.water && y < ship.water + 220) {
      // The ship's reflection, broken by the waves.
      const ripple = (fbm(x / 90, (y - ship.water) / 8, 31, 3) - 0.5) * 60;
      if (shipAt(x + ripple, 2 * ship.water - y)) c = mix3(c, [18, 20, 28], 0.55 * (1 - (y - ship.water) / 220));
    }
    // The quay in the foreground.
    if (y > H - 150 + 40 * Math.sin(x / 700)) c = mix3([38, 34, 32], [64, 58, 52], fbm(x / 40, y / 40, 21, 4));
    // Vignette and film grain.
    const vx = x / W - 0.5, vy = y / H - 0.5;
    const vignette = 1 - 0.55 * (vx * vx + vy * vy);
    const grain = (random() + random() - 1) * 9;
    const i = (y * W + x) * 3;
    pixels[i] = clamp(c[0] * vignette + grain);
    pixels[i + 1] = clamp(c[1] * vignette + grain);
    pixels[i + 2] = clamp(c[2] * vignette + grain);
  }
}

await sharp(pixels, { raw: { width: W, height: H, channels: 3 } })
  .blur(0.7)
  .jpeg({ quality: 86, chromaSubsampling: '4:2:0' })
  .toFile('content/static/images/harbour-dawn.jpg');
console.log('wrote content/static/images/harbour-dawn.jpg');
