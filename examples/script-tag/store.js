// Calls made before cartlift.js has loaded are queued, then replayed in order.
window.Cartlift = window.Cartlift || [];
window.Cartlift.push(['on', 'add_to_cart', function (event) {
  document.documentElement.dataset.lastAdded = event.items[0].item_id;
}]);
