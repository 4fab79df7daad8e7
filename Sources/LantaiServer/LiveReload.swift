import Foundation

/// The script the preview server adds to every HTML page it sends (never to the built files):
/// it listens to `/__lantai/events`, reloads the page after a successful build and shows the
/// build's errors over the page after a failed one.
public enum LiveReload {
    public static let eventsPath = "/__lantai/events"
    public static let scriptPath = "/__lantai/live.js"

    /// `html` with the script tag before its last `</body>` (or at its end), naming the build
    /// the page comes from.
    public static func inject(into html: String, version: Int) -> String {
        let tag = "<script src=\"\(scriptPath)\" data-version=\"\(version)\"></script>"
        guard let body = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: tag)
    }

    public static let script = #"""
    (function () {
      'use strict';
      var current = document.currentScript;
      var version = current ? current.getAttribute('data-version') : '0';
      var source = new EventSource('/__lantai/events?since=' + encodeURIComponent(version));
      source.addEventListener('reload', function () { window.location.reload(); });
      source.addEventListener('failure', function (event) { show(event.data); });

      function show(message) {
        var overlay = document.getElementById('lantai-build-error');
        if (!overlay) {
          overlay = document.createElement('div');
          overlay.id = 'lantai-build-error';
          overlay.setAttribute('role', 'alert');
          // Every colour is set on every element: the page's own styles (a light background
          // for pre, a colour for headings) must not reach the overlay. White on #3a0b0b is
          // about 16:1.
          overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2em;' +
            'background:#3a0b0b;color:#fff;font:15px/1.7 sans-serif;text-align:left';
          var title = document.createElement('h2');
          title.textContent = '生成失败：请按下面的提示修改文稿，保存后会自动重新生成。页面仍是上一次成功生成的样子。';
          title.style.cssText = 'font:bold 18px/1.5 sans-serif;margin:0 0 1em;padding:0;color:#fff;background:transparent;border:0';
          var text = document.createElement('pre');
          text.style.cssText = 'margin:0;padding:0;white-space:pre-wrap;color:#fff;background:transparent;border:0;' +
            'font:15px/1.7 monospace';
          overlay.appendChild(title);
          overlay.appendChild(text);
          document.body.appendChild(overlay);
        }
        overlay.lastChild.textContent = message;
      }
    })();
    """#
}
