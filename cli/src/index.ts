console.log('peerscope')
