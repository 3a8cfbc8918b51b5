// Console behaviour without inline scripts: copy buttons (data-copy-from="<input id>").
(function () {
  function copyFrom(button) {
    var input = document.getElementById(button.getAttribute('data-copy-from'));
    if (!input) { return; }
    var done = function () {
      button.classList.add('copied');
      button.textContent = 'Copied';
      setTimeout(function () { button.classList.remove('copied'); button.textContent = 'Copy'; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { legacy(input); done(); });
    } else {
      legacy(input);
      done();
    }
  }
  function legacy(input) {
    input.focus();
    input.select();
    try { document.execCommand('copy'); } catch (e) { /* the text stays selected for Ctrl+C */ }
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-copy-from]') : null;
    if (button) { event.preventDefault(); copyFrom(button); }
  });
})();
