// The demo's product page: one static file for every product, filled from ?sku=.
// A real shop renders this on its server, reviews included (renderReviews, or
// GET /api/cartlift/reviews/render); here the widget draws them near the viewport.
var PRODUCTS = {
  'TEA-LJ-100': { en: 'West Lake Longjing tea 100 g', zh: '西湖龙井 100克', price: 2400, image: '/img/tea.svg' },
  'CUP-CELADON': { en: 'Celadon tea cup', zh: '青瓷茶杯', price: 1800, image: '/img/cup.svg' },
  'POT-YIXING': { en: 'Yixing clay teapot', zh: '宜兴紫砂壶', price: 8900, image: '/img/pot.svg' },
  'SET-GIFT': { en: 'Tea gift tin set', zh: '茶叶礼盒', price: 3500, image: '/img/set.svg' },
};
var params = new URLSearchParams(location.search);
var sku = Object.hasOwn(PRODUCTS, params.get('sku')) ? params.get('sku') : 'TEA-LJ-100';
var product = PRODUCTS[sku];
var name = document.documentElement.lang === 'zh-CN' ? product.zh : product.en;
document.title = `${name} · Lotus Leaf Tea House`;
document.getElementById('product-name').textContent = name;
document.getElementById('product-price').textContent = `$${(product.price / 100).toFixed(2)}`;
document.querySelector('.product-page img').src = product.image;
var add = document.getElementById('product-add');
add.setAttribute('data-cartlift-add', sku);
add.setAttribute('data-cartlift-name', product.en);
add.setAttribute('data-cartlift-price', String(product.price));
add.setAttribute('data-cartlift-image', product.image);
var reviews = document.getElementById('product-reviews');
reviews.setAttribute('product', sku);
reviews.setAttribute('name', name);
// The language links keep the product.
for (const link of document.querySelectorAll('.languages a')) link.href = `?sku=${sku}&lang=${link.hreflang}`;
