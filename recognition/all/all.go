// Package all registers every partner-scheme adapter of jxgreen in one
// import, for programs that take records of any scheme (such as the
// recognize tool):
//
//	import _ "github.com/jxgreen/jxgreen/recognition/all"
//
// It registers the adapters of 圳品 (shenzhen), 江苏精品 (jiangsu), 品字标 /
// 浙江制造 (zhejiang), 上海品牌 (shanghai), 赣出精品 (ganchu), 赣鄱正品 (ganpo)
// and the UN Transparency Protocol Digital Conformity Credential (untp),
// and the certificate lists of 江西绿色生态 itself (jxgreen), in which a
// partner reads our certificates.
// A program that needs only some schemes imports their packages instead,
// like database/sql drivers. The package has no API of its own.
package all

import (
	_ "github.com/jxgreen/jxgreen/recognition/ganchu"
	_ "github.com/jxgreen/jxgreen/recognition/ganpo"
	_ "github.com/jxgreen/jxgreen/recognition/jiangsu"
	_ "github.com/jxgreen/jxgreen/recognition/jxgreen"
	_ "github.com/jxgreen/jxgreen/recognition/shanghai"
	_ "github.com/jxgreen/jxgreen/recognition/shenzhen"
	_ "github.com/jxgreen/jxgreen/recognition/untp"
	_ "github.com/jxgreen/jxgreen/recognition/zhejiang"
)
