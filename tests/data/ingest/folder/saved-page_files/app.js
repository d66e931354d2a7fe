console.log("asset a browser saved beside the page");
