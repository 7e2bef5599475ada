// Builds the demo's AR models from three.js's teapot: a GLB (Android's Scene
// Viewer) and a USDZ (iOS AR Quick Look), with three's own exporters run in
// Node, so the files are real models a phone places, not hand-made bytes.
// `npm run ar-models` rewrites examples/script-tag/models/; the output is committed.
import fs from 'node:fs';
import path from 'node:path';
import { Mesh, MeshStandardMaterial, Scene } from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import { USDZExporter } from 'three/examples/jsm/exporters/USDZExporter.js';
import { TeapotGeometry } from 'three/examples/jsm/geometries/TeapotGeometry.js';

// GLTFExporter reads its Blob back with a FileReader, which Node lacks: the
// two methods it calls, on Node's own Blob.
globalThis.FileReader ??= class {
  readAsArrayBuffer(blob) {
    blob.arrayBuffer().then((buffer) => {
      this.result = buffer;
      this.onloadend?.();
    });
  }
  readAsDataURL(blob) {
    blob.arrayBuffer().then((buffer) => {
      this.result = `data:${blob.type || 'application/octet-stream'};base64,${Buffer.from(buffer).toString('base64')}`;
      this.onloadend?.();
    });
  }
};

const out = path.resolve(import.meta.dirname, '../examples/script-tag/models');

/** A Yixing-clay teapot about 16 cm across (AR places models at real size: 1 unit = 1 m). */
function teapotScene() {
  // Size 0.05 m; 6 segments keeps the files small while the curves still read as a teapot.
  const geometry = new TeapotGeometry(0.05, 6);
  geometry.translate(0, 0.05 * 0.75, 0); // rests on the floor, not half under it
  const clay = new MeshStandardMaterial({ color: 0x8a4b2f, roughness: 0.55, metalness: 0 });
  const teapot = new Mesh(geometry, clay);
  teapot.name = 'YixingTeapot';
  const scene = new Scene();
  scene.add(teapot);
  return scene;
}

const scene = teapotScene();
const glb = await new GLTFExporter().parseAsync(scene, { binary: true });
const usdz = await new USDZExporter().parseAsync(scene);
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'teapot.glb'), Buffer.from(glb));
fs.writeFileSync(path.join(out, 'teapot.usdz'), Buffer.from(usdz));
for (const name of ['teapot.glb', 'teapot.usdz']) console.log(`${name}: ${fs.statSync(path.join(out, name)).size} B`);
