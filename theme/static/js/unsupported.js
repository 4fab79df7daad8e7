/* Written in ES5 on purpose, and loaded before the search: a browser that cannot run the search
   (360's IE mode, older engines) still runs this file and shows the notice of the search page,
   which points to the topic and archive pages. */
(function () {
  var supported = true;
  try {
    new Function('async function f() { const x = await 1; return () => x; }');
  } catch (error) {
    supported = false;
  }
  var notice = document.getElementById('search-unsupported');
  if (!supported && notice) notice.removeAttribute('hidden');
})();
