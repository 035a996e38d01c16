// Optional: pick two provinces and go to their comparison. Without this script the list of pairs above does the same.
(function () {
  var form = document.getElementById('pair-picker');
  if (!form) return;
  var pairs = JSON.parse(form.getAttribute('data-pairs') || '[]');
  var order = Array.prototype.map.call(form.elements.a.options, function (o) { return o.value; });
  form.hidden = false;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var a = form.elements.a.value;
    var b = form.elements.b.value;
    if (order.indexOf(a) > order.indexOf(b)) { var t = a; a = b; b = t; }
    var href = './compare/' + a + '/' + b + '.html';
    if (a === b) form.elements.message.value = '请选择两个不同的省份。';
    else if (pairs.indexOf(href) < 0) form.elements.message.value = '这两个省份没有共同报告的指标。';
    else window.location.href = href;
  });
})();
