// Live reload for `strategy dev` only: never published by `strategy build`.
(function () {
  var source = new EventSource('/__events');
  source.addEventListener('reload', function () { window.location.reload(); });
  source.addEventListener('problems', function (event) {
    var list = JSON.parse(event.data);
    var box = document.getElementById('dev-problems') || document.createElement('div');
    box.id = 'dev-problems';
    box.className = 'dev-problems';
    box.setAttribute('role', 'alert');
    box.textContent = 'The strategy was not rebuilt. Fix these problems and save again:';
    var pre = document.createElement('pre');
    pre.textContent = list.join('\n');
    box.appendChild(pre);
    document.body.appendChild(box);
  });
})();
