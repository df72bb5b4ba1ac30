// Bill result page: "Print" without a server-side printer loads the statement PDF into a hidden
// frame and opens the browser's print dialog (without JS the link simply opens the PDF).
for (const link of document.querySelectorAll("[data-print-pdf]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    let frame = document.getElementById("bills-print-frame");
    if (!frame) {
      frame = document.createElement("iframe");
      frame.id = "bills-print-frame";
      frame.hidden = true;
      document.body.append(frame);
    }
    frame.onload = () => {
      try { frame.contentWindow.print(); } catch { window.location.href = link.href; }
    };
    frame.src = link.href;
  });
}
